package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.address.PlainHttp;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.address.ZendeskAddresses;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.json.JsonMapper;

/** Hand-written accounts and answers for the checklist's unit tests: no server, no Spring. */
final class ChecklistFixtures {

    private ChecklistFixtures() {}

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-11-28T10:00:30Z");
    // A made-up fixture in desk's token shape (no desk ever issued it): the checklist must not echo it.
    static final String TOKEN = "dsk_AbCdEfGhIjKlMnOpQrStUvWxYz012345wxyz";
    static final String EMAIL = "admin@acme.test";
    static final ZendeskAddress DESK = ZendeskAddresses.normalise("http://127.0.0.1:8080", PlainHttp.LOOPBACK_ONLY);
    static final ZendeskAddress CLOUD = ZendeskAddresses.normalise("acme", PlainHttp.LOOPBACK_ONLY);

    /** Answers by (style, path prefix); records what was asked. Unknown requests fail the test. */
    static final class FakeAccount implements Exchange {
        final Map<String, Answer> answers = new LinkedHashMap<>();
        final List<String> asked = new ArrayList<>();

        FakeAccount on(AuthStyle style, String pathPrefix, Answer answer) {
            answers.put(style + " " + pathPrefix, answer);
            return this;
        }

        @Override
        public Answer get(AuthStyle style, String pathAndQuery) {
            asked.add(style + " " + pathAndQuery);
            return answers.entrySet().stream()
                    .filter(e -> (style + " " + pathAndQuery).startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Unexpected request " + style + " " + pathAndQuery));
        }
    }

    static Answer json(int status, String body, long limit, long remaining) {
        return answer(status, body, "application/json", new RateLimits.Window(limit, remaining, 30), null);
    }

    static Answer answer(
            int status, String body, String contentType, RateLimits.Window account, RateLimits.Window exports) {
        Map<String, RateLimits.Window> endpoints = new LinkedHashMap<>();
        if (exports != null) {
            endpoints.put(RateLimits.INCREMENTAL_EXPORTS, exports);
        }
        return Answer.of(new ZendeskResponse(
                URI.create("/api/v2/x"),
                status,
                HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true),
                contentType.contains("json") ? JSON.readTree(body) : null,
                contentType.contains("json") ? "" : body,
                new RateLimits(account, endpoints, OptionalLong.empty()),
                Duration.ofMillis(5)));
    }

    static Answer export(int status, String body, long remainingExports) {
        return answer(
                status,
                body,
                "application/json",
                new RateLimits.Window(700, 600, 30),
                new RateLimits.Window(10, remainingExports, 30));
    }

    static final Answer ANONYMOUS =
            json(200, "{\"user\":{\"id\":null,\"name\":\"Anonymous user\",\"role\":\"end-user\"}}", 700, 650);
    static final Answer ADMIN = json(
            200,
            "{\"user\":{\"id\":7,\"name\":\"Ada\",\"email\":\"admin@acme.test\",\"role\":\"admin\",\"active\":true,"
                    + "\"suspended\":false}}",
            700,
            649);
    static final Answer REFUSED = json(401, "{\"error\":\"Couldn't authenticate you\"}", 700, 650);
    static final Answer BEARER_REFUSED = json(
            401,
            "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is expired, revoked, "
                    + "malformed or invalid for other reasons.\"}",
            700,
            650);

    static FakeAccount greenDesk() {
        return new FakeAccount()
                .on(AuthStyle.NONE, "/api/v2/users/me", ANONYMOUS)
                .on(AuthStyle.NATURAL, "/api/v2/users/me", ADMIN)
                .on(AuthStyle.NATURAL, "/api/v2/incremental/tickets/cursor", export(200, "{\"tickets\":[]}", 9))
                .on(AuthStyle.NATURAL, "/api/v2/incremental/users/cursor", export(200, "{\"users\":[]}", 8))
                .on(AuthStyle.NATURAL, "/api/v2/incremental/organizations", export(200, "{\"organizations\":[]}", 7))
                .on(AuthStyle.NATURAL, "/api/v2/incremental/ticket_events", export(200, "{\"ticket_events\":[]}", 6))
                .on(AuthStyle.NATURAL, "/api/v2/search/count", json(200, "{\"count\":25000}", 700, 640))
                .on(
                        AuthStyle.NATURAL,
                        "/api/v2/api_tokens",
                        json(
                                200,
                                "{\"api_tokens\":[{\"id\":3,\"description\":\"sync\",\"visible_token\":\"dsk_…wxyz\","
                                        + "\"scope\":\"full\",\"expires_at\":\"2026-12-28T10:00:00Z\"},{\"id\":4,"
                                        + "\"visible_token\":\"dsk_…aaaa\"}]}",
                                700,
                                639));
    }

    static Subject subject(ZendeskAddress address, Credential credential, Instant authPassedAt) {
        return new Subject(
                5,
                address,
                credential == null ? ConnectionState.AWAITING_CREDENTIALS : ConnectionState.READY,
                credential == null ? 0 : 1,
                credential == null ? null : NOW.minusSeconds(3600),
                credential,
                null,
                authPassedAt);
    }

    static Subject desk() {
        return subject(DESK, new ApiTokenCredential(EMAIL, TOKEN), null);
    }
}
