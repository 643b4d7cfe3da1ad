package io.deskbridge.desk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.RawHttp;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed and hostile requests against every desk API route: none may be answered 5xx and none may
 * change the database. The routes come from Spring's request mappings, so a new endpoint joins the
 * suite without a change here.
 *
 * <p>Runs on H2 and PostgreSQL: what overflows or is refused differs between the two (PostgreSQL
 * refuses NUL in text, the engines measure and compare strings differently), and the reviewer's 5xx
 * answers included PostgreSQL-only ones. About 11,000 requests take well under 2 minutes per database.
 */
class HostileInputIntegrationTests extends DeskIntegrationTest {

    /** Override with {@code -Dhostile.seed=...} to replay another stream; the seed is printed. */
    static final long DEFAULT_SEED = 20_261_207L;

    static final int GENERATED = 10_500;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    RawHttp raw;
    String ownerAuth;
    String readAuth;
    long ticketId;
    long userId;

    @BeforeAll
    void seed() {
        raw = new RawHttp(port);
        setAccess(true, false);
        ownerAuth = ownerAuth();
        readAuth = DeskClient.tokenAuth(
                OWNER_EMAIL, issueToken(owner(), TokenScope.READ_ONLY, AuthenticatesAs.OWNER_ONLY));
        DeskClient client = DeskClient.stateless(baseUrl());
        ticketId = client.send(
                        "POST",
                        "/api/v2/tickets",
                        ownerAuth,
                        "{\"ticket\":{\"subject\":\"hostile seed\",\"comment\":{\"body\":\"seed\"},\"tags\":[\"seed\"]}}")
                .json()
                .path("ticket")
                .path("id")
                .asLong();
        userId = newUser(Role.END_USER).id();
    }

    @Test
    void shouldAnswerGeneratedHostileRequestsWithoutServerErrorOrStateChange() {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        List<HostileRequests.Route> routes = apiRoutes();
        assertThat(routes).as("API routes from the request mappings").hasSizeGreaterThan(50);
        HostileRequests generator = new HostileRequests(seed, routes, readAuth, ownerAuth);
        DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Long> millisByAuth = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < GENERATED; i++) {
            HostileRequests.Request request = generator.next();
            long sent = System.nanoTime();
            RawHttp.Answer answer = raw.send(request.method(), request.target(), request.headers(), request.body());
            millisByAuth.merge(
                    request.label().replaceAll(".* auth=(\\S+).*", "$1"),
                    (System.nanoTime() - sent) / 1_000_000,
                    Long::sum);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() < 100) {
                serverErrors.add("#" + i + " " + answer.status() + " " + request.label() + " target="
                        + abbreviate(request.target()) + " body=" + abbreviate(answer.body()));
            }
        }
        List<String> changes = DatabaseFingerprint.of(jdbc).changesSince(before);
        System.out.println("HOSTILE-INPUT: desk seed=" + seed + " routes=" + routes.size() + " requests=" + GENERATED
                + " statuses=" + statuses + " 5xx=" + serverErrors.size() + " state-changes=" + changes.size()
                + " database=" + System.getProperty("desk.test.database", "h2") + " seconds="
                + (System.nanoTime() - started) / 1_000_000_000 + " ms-by-credential=" + millisByAuth);
        assertThat(serverErrors).as("5xx or no answer (seed " + seed + ")").isEmpty();
        assertThat(changes).as("tables changed by refused requests").isEmpty();
    }

    /** The reviewer's categories, one named case each: exact answers, and nothing stored when refused. */
    @Nested
    class ReviewerCategories {

        @Test
        void shouldRefuseBadPercentEncodingOnEveryListWith400() {
            DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
            List<String> lists = apiRoutes().stream()
                    .filter(r -> r.method().equals("GET") && !r.pattern().contains("{"))
                    .map(HostileRequests.Route::pattern)
                    .toList();
            assertThat(lists).hasSizeGreaterThan(20);
            Map<String, String> wrong = new TreeMap<>();
            for (String path : lists) {
                RawHttp.Answer answer =
                        raw.send("GET", path + "?%ZZ=1", List.of(Map.entry("Authorization", ownerAuth)), null);
                if (answer.status() != 400 || !answer.body().contains("\"errors\"")) {
                    wrong.put(path, answer.status() + " " + answer.body());
                }
            }
            assertThat(wrong)
                    .as("lists not answering 400 in Zendesk's errors form to ?%ZZ=1")
                    .isEmpty();
            assertThat(DatabaseFingerprint.of(jdbc).changesSince(before)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    ";;;",
                    "application/",
                    "*/*;q=abc",
                    "text/html",
                    "a/b/c",
                    "image/png",
                    "application/json; charset=nope"
                })
        void shouldAnswerJsonWhateverAcceptSays(String accept) {
            RawHttp.Answer answer = raw.send(
                    "GET",
                    "/api/v2/tickets",
                    List.of(Map.entry("Authorization", ownerAuth), Map.entry("Accept", accept)),
                    null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
            assertThat(answer.body()).contains("\"tickets\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {";;;", "text/html", "*/*;q=abc"})
        void shouldAnswerErrorsAsJsonWhateverAcceptSays(String accept) {
            RawHttp.Answer answer = raw.send(
                    "GET",
                    "/api/v2/tickets/999999999",
                    List.of(Map.entry("Authorization", ownerAuth), Map.entry("Accept", accept)),
                    null);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("\"RecordNotFound\"");
        }

        @Test
        void shouldRefuseWildcardContentTypeWith415() {
            DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
            RawHttp.Answer answer = raw.send(
                    "POST",
                    "/api/v2/tickets",
                    List.of(Map.entry("Authorization", ownerAuth), Map.entry("Content-Type", "*/*")),
                    utf8("{\"ticket\":{\"subject\":\"s\",\"comment\":{\"body\":\"b\"}}}"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(415);
            assertThat(answer.body()).contains("\"UnsupportedMediaType\"");
            assertThat(DatabaseFingerprint.of(jdbc).changesSince(before)).isEmpty();
        }

        @Test
        void shouldRefuseFormBodyWithBadEscapeOnPutWithoutServerError() {
            DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
            RawHttp.Answer answer = raw.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    List.of(
                            Map.entry("Authorization", ownerAuth),
                            Map.entry("Content-Type", "application/x-www-form-urlencoded")),
                    utf8("%ZZ=1"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(415);
            assertThat(DatabaseFingerprint.of(jdbc).changesSince(before)).isEmpty();
        }

        @Test
        void shouldAnswerAnAgeBeyondAnyDateAsSinceTheBeginning() {
            DeskClient.Response response =
                    api.get("/api/v2/search?query=type:ticket%20created%3E99999999999999999999hours", ownerAuth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("count").asLong()).isGreaterThanOrEqualTo(1);
        }

        @Test
        void shouldRefuseADateBeyondYear9999With400() {
            DeskClient.Response response =
                    api.get("/api/v2/search?query=type:ticket%20created%3E%2B99999-01-01T00:00:00Z", ownerAuth);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("InvalidSearchQuery").contains("0001-01-01 to 9999-12-31");
        }

        @ParameterizedTest
        @ValueSource(strings = {"é:8000", "ж:30000", "<:13500", "\":10000"})
        void shouldStoreLongCommentsWhoseHtmlIsLongerThanTheBody(String spec) {
            String body = spec.substring(0, 1).repeat(Integer.parseInt(spec.substring(2)));
            DeskClient.Response created = api.send(
                    "POST",
                    "/api/v2/tickets",
                    ownerAuth,
                    DeskClient.json(Map.of("ticket", Map.of("subject", "long", "comment", Map.of("body", body)))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("ticket").path("id").asLong();
            var comment = api.get("/api/v2/tickets/" + id + "/comments", ownerAuth)
                    .json()
                    .path("comments")
                    .get(0);
            assertThat(comment.path("body").asString()).isEqualTo(body);
            assertThat(comment.path("html_body").asString()).doesNotContain("<<");
        }

        @Test
        void shouldRefuseACommentOverTheLimitWith422() {
            assertRefused(
                    "POST",
                    "/api/v2/tickets",
                    DeskClient.json(Map.of(
                            "ticket", Map.of("subject", "s", "comment", Map.of("body", "é".repeat(65_001))))),
                    "body");
        }

        @Test
        void shouldRefuseTwentyThousandTagsWith422() {
            List<String> tags = java.util.stream.IntStream.range(0, 20_000)
                    .mapToObj(i -> "tag" + i)
                    .toList();
            assertRefused(
                    "POST",
                    "/api/v2/tickets",
                    DeskClient.json(
                            Map.of("ticket", Map.of("subject", "s", "tags", tags, "comment", Map.of("body", "b")))),
                    "tags");
            assertRefused(
                    "PUT", "/api/v2/users/" + userId, DeskClient.json(Map.of("user", Map.of("tags", tags))), "tags");
        }

        @Test
        void shouldRefuseUserTagsLongerThanTheirColumnWith422() {
            List<String> tags = java.util.stream.IntStream.range(0, 100)
                    .mapToObj(i -> "t" + i + "x".repeat(60))
                    .toList();
            assertRefused(
                    "PUT", "/api/v2/users/" + userId, DeskClient.json(Map.of("user", Map.of("tags", tags))), "tags");
        }

        @Test
        void shouldRefuseLargeUserFieldsWith422() {
            Map<String, String> fields = new TreeMap<>();
            for (int i = 0; i < 20; i++) {
                fields.put("field_" + i, "v".repeat(1000));
            }
            assertRefused(
                    "PUT",
                    "/api/v2/users/" + userId,
                    DeskClient.json(Map.of("user", Map.of("user_fields", fields))),
                    "user_fields");
        }

        @Test
        void shouldRefuseLargeCustomFieldsWith422() {
            // Ids that name no field (small ids are desk's system ticket fields, refused on their own);
            // values of unknown ids are kept as sent, so only their stored size refuses them.
            List<Map<String, Object>> fields = java.util.stream.IntStream.range(900_001, 900_006)
                    .<Map<String, Object>>mapToObj(i -> Map.of("id", i, "value", "v".repeat(5000)))
                    .toList();
            assertRefused(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    DeskClient.json(Map.of("ticket", Map.of("custom_fields", fields))),
                    "custom_fields");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "nul\u0000inside",
                    "bell\u0007",
                    "\ud800 alone",
                    "low \udc00 alone",
                    "\ufeffbom first",
                    "del\u007f"
                })
        void shouldRefuseControlCharactersSurrogatesAndBomInSubjectsBodiesAndNamesWith422(String text) {
            String json = HostileRequests.jsonString(text);
            assertRefused(
                    "POST",
                    "/api/v2/tickets",
                    "{\"ticket\":{\"subject\":" + json + ",\"comment\":{\"body\":\"b\"}}}",
                    "subject");
            assertRefused(
                    "POST",
                    "/api/v2/tickets",
                    "{\"ticket\":{\"subject\":\"s\",\"comment\":{\"body\":" + json + "}}}",
                    "body");
            assertRefused(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    "{\"ticket\":{\"comment\":{\"html_body\":" + json + "}}}",
                    "html_body");
            assertRefused(
                    "POST",
                    "/api/v2/users",
                    "{\"user\":{\"name\":" + json + ",\"email\":\"ctl@deskbridge.test\"}}",
                    "name");
            assertRefused("POST", "/api/v2/organizations", "{\"organization\":{\"name\":" + json + "}}", "name");
        }

        @Test
        void shouldRefuseNulInAQueryParameterWith400() {
            DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
            RawHttp.Answer answer = raw.send(
                    "GET", "/api/v2/users?external_id=%00", List.of(Map.entry("Authorization", ownerAuth)), null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("\"InvalidParameter\"").contains("external_id");
            assertThat(DatabaseFingerprint.of(jdbc).changesSince(before)).isEmpty();
        }

        @Test
        void shouldRefuseCreatingAClosedTicketWith422() {
            assertRefused(
                    "POST",
                    "/api/v2/tickets",
                    "{\"ticket\":{\"subject\":\"s\",\"status\":\"closed\",\"comment\":{\"body\":\"b\"}}}",
                    "status");
        }

        @Test
        void shouldStoreHtmlBodyWithoutScriptsHandlersOrJavascriptUrls() {
            String html = "<p onclick=\"steal()\">Hello <b>bold</b><script>alert(1)</script>"
                    + "<a href=\"javascript:alert(1)\">x</a><img src=\"x\" onerror=\"alert(1)\">"
                    + "<a href=\"https://example.com/a\">link</a><iframe src=\"https://evil.test\"></iframe></p>";
            DeskClient.Response updated = api.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    ownerAuth,
                    DeskClient.json(Map.of("ticket", Map.of("comment", Map.of("html_body", html)))));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            var comments = api.get("/api/v2/tickets/" + ticketId + "/comments", ownerAuth)
                    .json()
                    .path("comments");
            String stored = comments.get(comments.size() - 1).path("html_body").asString();
            assertThat(stored)
                    .contains("<b>bold</b>", "https://example.com/a", "Hello")
                    .doesNotContainIgnoringCase("script")
                    .doesNotContainIgnoringCase("onclick")
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("javascript:")
                    .doesNotContainIgnoringCase("iframe");
            String stateAfter = jdbc.sql("SELECT html_body FROM ticket_comments WHERE ticket_id = :id ORDER BY id DESC")
                    .param("id", ticketId)
                    .query(String.class)
                    .list()
                    .get(0);
            assertThat(stateAfter).isEqualTo(stored);
        }

        private void assertRefused(String method, String path, String json, String field) {
            DatabaseFingerprint before = DatabaseFingerprint.of(jdbc);
            DeskClient.Response response = api.send(method, path, ownerAuth, json);
            assertThat(response.status())
                    .as(method + " " + path + ": " + abbreviate(response.body()))
                    .isEqualTo(422);
            assertThat(response.json().path("error").asString()).isEqualTo("RecordInvalid");
            assertThat(response.json().path("details").has(field))
                    .as("details name " + field + ": " + abbreviate(response.body()))
                    .isTrue();
            assertThat(DatabaseFingerprint.of(jdbc).changesSince(before))
                    .as("state after " + path)
                    .isEmpty();
        }
    }

    private List<HostileRequests.Route> apiRoutes() {
        TreeSet<HostileRequests.Route> routes = new TreeSet<>(
                Comparator.comparing(HostileRequests.Route::pattern).thenComparing(HostileRequests.Route::method));
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add(new HostileRequests.Route("GET", pattern));
                }
                methods.forEach(m -> routes.add(new HostileRequests.Route(m.name(), pattern)));
            }
        });
        return List.copyOf(routes);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static {
        SecretLedger.install();
    }
}
