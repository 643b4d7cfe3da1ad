package io.deskbridge.desk.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.deskbridge.desk.apiaccess.ApiAccessUpdate;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a connector's requests in order against one desk seeded once per class ({@link ReplaySeed}).
 * Each step is a dynamic test; a step listed in {@link #knownGaps()} must still fail, so that the
 * list shrinks when desk learns the request.
 */
abstract class ConnectorReplayTest extends DeskIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final int MAX_PAGES = 1000;
    private static final Duration SYNC_DELAY = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String connectorAuth;
    private boolean synced;
    protected final Map<String, String> vars = new HashMap<>();

    /** The connector's requests, in the order it sends them. */
    abstract List<Replay> steps();

    /** Step name → why desk does not serve it as the connector needs yet. */
    abstract Map<String, String> knownGaps();

    /** The Authorization header the connector sends. */
    abstract String authorization();

    @BeforeAll
    void seedOnce() {
        policy.update(Actor.system(), new ApiAccessUpdate(true, false, 365, false, 30, 60));
        vars.putAll(ReplaySeed.plant(
                        DeskClient.stateless(baseUrl()), ownerAuth(), getClass().getSimpleName())
                .variables());
        connectorAuth = authorization();
        vars.put("start", "1577836800");
        vars.put("start_float", "1577836800.0");
        vars.put("start_iso", "2020-01-01T00:00:00Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        vars.put("now", Long.toString(now.getEpochSecond()));
        vars.put("now_iso", now.toString());
        vars.put("now_iso_q", now.toString().replace(":", "%3A"));
        vars.put("ago_3650_iso_q", now.minus(Duration.ofDays(3650)).toString().replace(":", "%3A"));
        vars.put("ago_30_iso_q", now.minus(Duration.ofDays(30)).toString().replace(":", "%3A"));
    }

    @TestFactory
    Stream<DynamicTest> replaysEachRequestInOrder() {
        List<String> names = steps().stream().map(Replay::name).toList();
        assertThat(names).as("step names are unique").doesNotHaveDuplicates();
        assertThat(names)
                .as("every known gap names a step")
                .containsAll(knownGaps().keySet());
        return steps().stream().map(step -> {
            String reason = knownGaps().get(step.name());
            if (reason == null) {
                return DynamicTest.dynamicTest(step.name(), () -> replay(step));
            }
            return DynamicTest.dynamicTest("still a gap: " + step.name() + " (" + reason + ")", () -> {
                try {
                    replay(step);
                } catch (AssertionError stillAGap) {
                    return;
                }
                fail(step.name() + " is listed as a known gap but desk now serves it: remove it from"
                        + " KNOWN_GAPS and from README's connector compatibility table");
            });
        });
    }

    /** Sends the step and walks its pages as the connector does; returns the records read. */
    List<JsonNode> replay(Replay step) {
        if (!synced) {
            // A connector runs a while after the data changed: incremental exports leave out the last minute.
            clock.advance(SYNC_DELAY);
            synced = true;
        }
        String first = fill(step.target());
        List<JsonNode> records = new ArrayList<>();
        String url = baseUrl() + first;
        for (int pageNo = 1; url != null; pageNo++) {
            assertThat(pageNo)
                    .as("%s: more than %d pages", step.name(), MAX_PAGES)
                    .isLessThanOrEqualTo(MAX_PAGES);
            Page page = sendWaitingOutRateLimits(step.method(), url, step.body() == null ? null : fill(step.body()));
            String where = step.name() + " page " + pageNo + " " + step.method() + " " + url;
            assertThat(page.status()).as("%s answered %s", where, page.text()).isEqualTo(step.status());
            if (page.body() == null) {
                return records;
            }
            JsonNode body = page.body();
            if (pageNo == 1) {
                step.captures().forEach((variable, pointer) -> {
                    JsonNode value = body.at(pointer);
                    assertThat(value.isMissingNode())
                            .as("%s: %s to capture", where, pointer)
                            .isFalse();
                    vars.put(variable, value.asString());
                });
            }
            Replay.assertFields(body, step.pageFields(), where);
            List<JsonNode> pageRecords = List.of();
            if (step.recordKey() != null) {
                pageRecords = Replay.recordsOf(body, step.recordKey());
                for (JsonNode record : pageRecords) {
                    Replay.assertFields(record, step.recordFields(), where + " record");
                }
                records.addAll(pageRecords);
            }
            url = next(step, first, body, pageRecords, where);
        }
        if (step.requiresRecords()) {
            assertThat(records)
                    .as("%s: records read over every page", step.name())
                    .isNotEmpty();
        }
        step.also().accept(records);
        return records;
    }

    private String next(Replay step, String first, JsonNode body, List<JsonNode> records, String where) {
        return switch (step.walk()) {
            case SINGLE -> null;
            case NEXT_PAGE -> {
                // Airbyte and dlt read it with a default, n8n stops on undefined: a missing key ends the walk.
                yield !body.path("next_page").isString() || records.isEmpty()
                        ? null
                        : verbatim(body.path("next_page").asString(), step.resend());
            }
            case LINKS_NEXT -> {
                Replay.assertFields(body, "meta/has_more:BOOL", where);
                if (!body.at("/meta/has_more").asBoolean()) {
                    yield null;
                }
                Replay.assertFields(body, "links/next:STRING meta/after_cursor:STRING", where);
                yield verbatim(body.at("/links/next").asString(), step.resend());
            }
            case AFTER_URL -> {
                Replay.assertFields(
                        body, "end_of_stream:BOOL after_url:STRING_OR_NULL after_cursor:STRING_OR_NULL", where);
                yield body.path("end_of_stream").asBoolean()
                        ? null
                        : verbatim(body.path("after_url").asString(), "");
            }
            case NEXT_PAGE_UNTIL_END_OF_STREAM -> {
                Replay.assertFields(body, "end_of_stream:BOOL next_page:STRING_OR_NULL", where);
                yield body.path("end_of_stream").asBoolean()
                        ? null
                        : verbatim(body.path("next_page").asString(), "");
            }
            case BEFORE_URL -> {
                Replay.assertFields(body, "before_url:STRING_OR_NULL", where);
                yield records.isEmpty() || body.path("before_url").isNull()
                        ? null
                        : verbatim(body.path("before_url").asString(), step.resend());
            }
            case CURSOR_PARAMETER -> {
                Replay.assertFields(body, "end_of_stream:BOOL", where);
                if (body.path("end_of_stream").asBoolean()) {
                    yield null;
                }
                Replay.assertFields(body, "after_cursor:STRING", where);
                yield baseUrl() + first.substring(0, first.indexOf('?')) + "?cursor="
                        + body.path("after_cursor").asString() + step.resend();
            }
            case PAGE_AFTER_PARAMETER -> {
                Replay.assertFields(body, "meta/has_more:BOOL", where);
                if (!body.at("/meta/has_more").asBoolean()) {
                    yield null;
                }
                Replay.assertFields(body, "meta/after_cursor:STRING", where);
                yield baseUrl() + first + "&page%5Bafter%5D="
                        + body.at("/meta/after_cursor").asString();
            }
            case ZENPY_INCREMENTAL -> {
                Replay.assertFields(body, "next_page:STRING_OR_NULL end_time:INT", where);
                boolean recent = Instant.ofEpochSecond(body.path("end_time").asLong())
                        .plus(Duration.ofMinutes(5))
                        .isAfter(clock.instant());
                yield body.path("end_of_stream").asBoolean(false)
                                || body.path("next_page").isNull()
                                || records.isEmpty()
                                || recent
                        ? null
                        : verbatim(body.path("next_page").asString(), "");
            }
        };
    }

    /** The next-page URL as the connector uses it: verbatim, pointing at the desk it called. */
    private String verbatim(String url, String resend) {
        assertThat(url).as("next-page URL").startsWith(baseUrl() + "/api/v2/");
        if (resend.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + resend;
    }

    String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            assertThat(value).as("value for {%s}", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    record Page(int status, String text, JsonNode body, String retryAfter) {}

    /**
     * Every connector waits {@code Retry-After} on a 429 and sends again (tap-zendesk reads the header
     * without a default, Airbyte's budget and dlt's client likewise); desk's limits run on the
     * injected clock, so the wait is a clock move, not a sleep.
     */
    private Page sendWaitingOutRateLimits(String method, String url, String body) {
        for (int attempt = 1; ; attempt++) {
            Page page = send(method, url, body);
            if (page.status() != 429 || attempt == 3) {
                return page;
            }
            String retryAfter = page.retryAfter();
            assertThat(retryAfter).as("Retry-After of a 429 is whole seconds").matches("\\d+");
            clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter) + 1));
        }
    }

    private Page send(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", connectorAuth)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                SecretLedger.errorBody(response.body());
            }
            String text = response.body();
            JsonNode json = text.isBlank() ? null : JSON.readTree(text);
            return new Page(
                    response.statusCode(),
                    text,
                    json,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(method + " " + url + " answered a body that is not JSON", e);
        }
    }
}
