package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.common.testing.HeadlessChromium;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent plays the helpdesk in a real (headless) Chromium: signs in, opens a ticket an integration
 * created through the API, replies publicly, adds an internal note and solves it. Then the API, the
 * incremental exports and a subscribed webhook all see those three changes as the agent's, through
 * the {@code web} channel. Screenshots of every step go to {@code target/screenshots/agent-*}.
 *
 * <p>The properties are the webhook tests' ({@code webhook.FastWebhooks}): the receiver runs on
 * 127.0.0.1, and the same properties share that test context.
 */
@Tag("h2-only")
@TestPropertySource(
        properties = {
            "desk.webhooks.allow-private-targets=true",
            "desk.webhooks.poll-interval=50ms",
            "desk.webhooks.connect-timeout=1s",
            "desk.webhooks.request-timeout=2s",
            "desk.webhooks.claim-lease=5s",
            "desk.webhooks.backoff-base=100ms",
            "desk.webhooks.backoff-cap=400ms",
            "desk.webhooks.max-attempts=5",
            "desk.webhooks.deactivate-after-failed-events=2"
        })
class AgentWorkspaceBrowserIntegrationTests extends DeskIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPLY = "Sorry about that! A replacement ships today.";
    private static final String NOTE = "Carrier lost parcel 1042; refund approved by finance.";

    private HeadlessChromium browser;
    private WebDriver driver;
    private WebDriverWait wait;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startChromiumAndReceiver() throws IOException {
        browser = new HeadlessChromium();
        driver = browser.driver();
        wait = browser.await();

        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopChromiumAndReceiver() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (receiver != null) {
                receiver.stop(0);
            }
            jdbc.sql("DELETE FROM webhooks").update();
        }
    }

    @Test
    void shouldLetAnAgentReplyNoteAndSolveAnApiTicketThatApiExportsAndWebhooksSeeAsTheAgentsViaWeb() {
        String auth = ownerAuth();
        String agentPassword = SecretLedger.issued("Agent-" + UUID.randomUUID());
        UserAccount agent = users.create(
                "Avery Agent", "agent-" + UUID.randomUUID() + "@deskbridge.test", Role.AGENT, agentPassword);
        Response webhook = api.send(
                "POST",
                "/api/v2/webhooks",
                auth,
                DeskClient.json(Map.of(
                        "webhook",
                        Map.of(
                                "name", "Agent workspace receiver",
                                "endpoint",
                                        "http://127.0.0.1:"
                                                + receiver.getAddress().getPort() + "/hook",
                                "http_method", "POST",
                                "request_format", "json",
                                "status", "active",
                                "subscriptions",
                                        List.of(
                                                "zen:event-type:ticket.comment_added",
                                                "zen:event-type:ticket.status_changed")))));
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        String customerEmail = "casey-" + UUID.randomUUID() + "@deskbridge.test";
        Response created = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(Map.of(
                        "ticket",
                        Map.of(
                                "subject", "Order 1042 never arrived",
                                "requester", Map.of("name", "Casey Customer", "email", customerEmail),
                                "priority", "high",
                                "tags", List.of("shipping"),
                                "comment", Map.of("body", "I ordered two weeks ago and nothing came.")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("ticket").path("id").asLong();
        long createdAt =
                created.json().path("ticket").path("generated_timestamp").asLong();

        // 1. The workspace asks for a sign-in, then shows the list.
        driver.get(baseUrl() + "/agent/tickets");
        waitForPath("/login");
        driver.findElement(By.id("email")).sendKeys(agent.email());
        driver.findElement(By.id("password")).sendKeys(agentPassword);
        driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        waitForPath("/agent/tickets");
        screenshot("agent-01-ticket-list");
        assertThat(driver.getTitle()).isEqualTo("Tickets · Deskbridge Agent workspace");
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo(agent.email());
        assertThat(driver.findElements(By.linkText("Admin Center"))).isEmpty();
        WebElement row = driver.findElement(By.cssSelector("#tickets tr[data-ticket-id='" + id + "']"));
        assertThat(row.getText()).contains("Order 1042 never arrived", "Casey Customer", "New", "high");
        WebElement updated = row.findElement(By.tagName("time"));
        assertThat(updated.getText()).isEqualTo("just now");
        assertThat(updated.getDomAttribute("title")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");

        // 2. The ticket page: fields, requester, the description as a public comment via api.
        row.findElement(By.linkText("Order 1042 never arrived")).click();
        waitForPath("/agent/tickets/" + id);
        screenshot("agent-02-ticket");
        assertThat(driver.findElement(By.id("subject")).getText()).isEqualTo("Order 1042 never arrived");
        assertThat(driver.findElement(By.id("requester")).getText()).contains("Casey Customer", customerEmail);
        assertThat(driver.findElement(By.id("status-badge")).getText()).isEqualToIgnoringCase("new");
        assertThat(new Select(driver.findElement(By.id("priority")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("high");
        assertThat(driver.findElement(By.id("tags")).getDomProperty("value")).isEqualTo("shipping");
        List<WebElement> comments = driver.findElements(By.cssSelector("#conversation li.comment"));
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).getText()).contains("Public reply", "via api", "I ordered two weeks ago");

        // 3. A public reply.
        driver.findElement(By.id("visibility-public")).click();
        driver.findElement(By.id("comment")).sendKeys(REPLY);
        driver.findElement(By.id("submit")).click();
        awaitNotice("Ticket #" + id + " updated.");
        screenshot("agent-03-public-reply");

        // 4. An internal note: shown apart from public replies.
        driver.findElement(By.id("visibility-internal")).click();
        driver.findElement(By.id("comment")).sendKeys(NOTE);
        driver.findElement(By.id("submit")).click();
        awaitNotice("Ticket #" + id + " updated.");
        screenshot("agent-04-internal-note");
        comments = driver.findElements(By.cssSelector("#conversation li.comment"));
        assertThat(comments).hasSize(3);
        assertThat(comments.get(1).getDomAttribute("class")).isEqualTo("comment public");
        assertThat(comments.get(1).getText()).contains("Avery Agent", "Public reply", "via web", REPLY);
        assertThat(comments.get(2).getDomAttribute("class")).isEqualTo("comment internal");
        assertThat(comments.get(2).getText()).contains("Avery Agent", "Internal note", "via web", NOTE);
        assertThat(comments.get(2).getCssValue("background-color"))
                .isNotEqualTo(comments.get(1).getCssValue("background-color"));

        // 5. Solve it.
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("solved");
        driver.findElement(By.id("submit")).click();
        awaitNotice("Ticket #" + id + " updated.");
        screenshot("agent-05-solved");
        assertThat(driver.findElement(By.id("status-badge")).getText()).isEqualToIgnoringCase("solved");
        assertThat(driver.findElement(By.id("assignee")).getText()).isEqualTo("Avery Agent");
        List<WebElement> audits = driver.findElements(By.cssSelector("#audits li.audit"));
        assertThat(audits).hasSize(4);
        assertThat(audits.get(0).getDomAttribute("data-via")).isEqualTo("api");
        assertThat(audits.get(3).getDomAttribute("data-via")).isEqualTo("web");
        assertThat(audits.get(3).getText())
                .contains("Avery Agent", "via web", "Status: new → solved", "Assignee: — → Avery Agent");

        // 6. The API: status, assignee, and the comments with their author, visibility and channel.
        JsonNode ticket = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
        assertThat(ticket.path("status").asString()).isEqualTo("solved");
        assertThat(ticket.path("assignee_id").asLong()).isEqualTo(agent.id());
        assertThat(ticket.path("via").path("channel").asString()).isEqualTo("api");
        JsonNode apiComments =
                api.get("/api/v2/tickets/" + id + "/comments", auth).json().path("comments");
        assertThat(apiComments.size()).isEqualTo(3);
        assertComment(apiComments.get(0), owner().id(), true, "api", "I ordered two weeks ago and nothing came.");
        assertComment(apiComments.get(1), agent.id(), true, "web", REPLY);
        assertComment(apiComments.get(2), agent.id(), false, "web", NOTE);

        // 7. The incremental exports, once the changes are older than the freshness window.
        clock.advance(Duration.ofMinutes(10));
        JsonNode exported = api.get("/api/v2/incremental/tickets/cursor?start_time=" + (createdAt - 1), auth)
                .json()
                .path("tickets");
        JsonNode solved = find(exported, id);
        assertThat(solved.path("status").asString()).isEqualTo("solved");
        assertThat(solved.path("assignee_id").asLong()).isEqualTo(agent.id());
        JsonNode events = api.get(
                        "/api/v2/incremental/ticket_events?include=comment_events&start_time=" + (createdAt - 1), auth)
                .json()
                .path("ticket_events");
        List<JsonNode> ofTicket = new ArrayList<>();
        events.forEach(e -> {
            if (e.path("ticket_id").asLong() == id) {
                ofTicket.add(e);
            }
        });
        assertThat(ofTicket).hasSize(4);
        assertThat(ofTicket.get(0).path("via").path("channel").asString()).isEqualTo("api");
        for (JsonNode webEvent : ofTicket.subList(1, 4)) {
            assertThat(webEvent.path("updater_id").asLong()).isEqualTo(agent.id());
            assertThat(webEvent.path("via").path("channel").asString()).isEqualTo("web");
        }
        assertThat(ofTicket.get(2).path("child_events").get(0).path("public").asBoolean())
                .isFalse();
        assertThat(ofTicket.get(3).path("child_events").toString()).contains("\"field_name\":\"status\"");

        // 8. The webhook: two comment events and the status change, each by the agent.
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= 3);
        List<JsonNode> delivered = received.stream().map(JSON::readTree).toList();
        assertThat(delivered).allSatisfy(e -> {
            assertThat(e.path("subject").asString()).isEqualTo("zen:ticket:" + id);
            assertThat(e.path("detail").path("actor_id").asString()).isEqualTo(String.valueOf(agent.id()));
            // A ticket event's detail.via is the ticket's (created through the API), as in Zendesk.
            assertThat(e.path("detail").path("via").path("channel").asString()).isEqualTo("api");
        });
        assertThat(delivered.stream().map(e -> e.path("type").asString()).toList())
                .containsExactlyInAnyOrder(
                        "zen:event-type:ticket.comment_added",
                        "zen:event-type:ticket.comment_added",
                        "zen:event-type:ticket.status_changed");
        JsonNode reply = commentEvent(delivered, REPLY);
        assertThat(reply.path("body").asString()).isEqualTo(REPLY);
        assertThat(reply.path("is_public").asBoolean()).isTrue();
        assertThat(reply.path("author").path("id").asString()).isEqualTo(String.valueOf(agent.id()));
        assertThat(reply.path("author").path("name").asString()).isEqualTo("Avery Agent");
        JsonNode note = commentEvent(delivered, NOTE);
        assertThat(note.path("body").asString()).isEqualTo(NOTE);
        assertThat(note.path("is_public").asBoolean()).isFalse();
        assertThat(note.path("author").path("id").asString()).isEqualTo(String.valueOf(agent.id()));
        JsonNode status = delivered.stream()
                .filter(e -> e.path("type").asString().equals("zen:event-type:ticket.status_changed"))
                .findFirst()
                .orElseThrow()
                .path("event");
        assertThat(status.path("previous").asString()).isEqualTo("NEW");
        assertThat(status.path("current").asString()).isEqualTo("SOLVED");
    }

    private static void assertComment(JsonNode comment, long authorId, boolean isPublic, String via, String body) {
        assertThat(comment.path("author_id").asLong()).isEqualTo(authorId);
        assertThat(comment.path("public").asBoolean()).isEqualTo(isPublic);
        assertThat(comment.path("via").path("channel").asString()).isEqualTo(via);
        assertThat(comment.path("body").asString()).isEqualTo(body);
    }

    private static JsonNode commentEvent(List<JsonNode> delivered, String body) {
        return delivered.stream()
                .map(e -> e.path("event").path("comment"))
                .filter(c -> c.path("body").asString().equals(body))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No comment event with body " + body + ": " + delivered));
    }

    private static JsonNode find(JsonNode tickets, long id) {
        for (JsonNode t : tickets) {
            if (t.path("id").asLong() == id) {
                return t;
            }
        }
        throw new AssertionError("Ticket " + id + " is not in the export: " + tickets);
    }

    private void awaitNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), text));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void waitForPath(String path) {
        browser.waitForPath(path);
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
