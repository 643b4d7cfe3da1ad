package io.deskbridge.desk.leakreport;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.IssuedToken;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.support.SecretScanner;
import io.deskbridge.desk.support.SecretScanner.Found;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Leak reports over real HTTP, the test playing GitHub's secret scanner with its own key pair: a
 * signed report stops the reported API tokens at once and is audited; unsigned or mis-signed reports
 * and bodies that are not reports change nothing. OAuth tokens: {@code OAuthIntegrationTests}; the
 * second instance: {@code TwoInstanceRevocationIntegrationTests}.
 */
class LeakReportIntegrationTests extends DeskIntegrationTest {

    static final String TYPE = "deskbridge_api_token";

    private IssuedToken liveToken() {
        IssuedToken issued = issue(
                owner(),
                TokenScope.FULL,
                AuthenticatesAs.OWNER_ONLY,
                Instant.now(clock).plus(Duration.ofDays(30)));
        assertThat(api.get("/api/v2/users/me", auth(issued.value())).status()).isEqualTo(200);
        return issued;
    }

    private static String auth(String value) {
        return DeskClient.tokenAuth(OWNER_EMAIL, value);
    }

    private static String result(String value, String label) {
        return "[{\"token_hash\":\"" + LeakReports.sha256(value) + "\",\"token_type\":\"" + TYPE + "\",\"label\":\""
                + label + "\"}]";
    }

    private String auditDescription(String event, long tokenId) {
        return auditEntries(event).stream()
                .filter(e -> String.valueOf(e.getOrDefault("SOURCE_ID", e.get("source_id")))
                        .equals(Long.toString(tokenId)))
                .map(e -> String.valueOf(e.getOrDefault("CHANGE_DESCRIPTION", e.get("change_description"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " entry for token " + tokenId));
    }

    @Nested
    class SignedReport {

        @Test
        void shouldDeleteAReportedApiTokenAndAnswerTruePositive() {
            IssuedToken issued = liveToken();

            Response answer = SecretScanner.report(api, List.of(Found.inCommit(issued.value(), TYPE)));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(result(issued.value(), "true_positive"));
            Response refused = api.get("/api/v2/users/me", auth(issued.value()));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE id = :id")
                            .param("id", issued.token().id())
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(auditDescription("api_token.leaked", issued.token().id()))
                    .isEqualTo(
                            "API token " + issued.token().maskedValue() + " was reported leaked and deleted (found at "
                                    + "https://github.com/octocat/leaky/blob/0123456789abcdef/config.yml)");
        }

        @Test
        void shouldStopOnlyTheRotatedAwayValueWhenThatIsReported() {
            IssuedToken issued = liveToken();
            IssuedToken rotated = tokens.rotate(Actor.system(), issued.token().id(), Duration.ofDays(1));
            SecretLedger.issued(rotated.value());
            assertThat(api.get("/api/v2/users/me", auth(issued.value())).status())
                    .isEqualTo(200);

            Response answer = SecretScanner.report(api, List.of(Found.inCommit(issued.value(), TYPE)));

            assertThat(answer.body()).isEqualTo(result(issued.value(), "true_positive"));
            assertThat(api.get("/api/v2/users/me", auth(issued.value())).status())
                    .isEqualTo(401);
            assertThat(api.get("/api/v2/users/me", auth(rotated.value())).status())
                    .isEqualTo(200);
            assertThat(auditDescription("api_token.leaked", issued.token().id()))
                    .startsWith("The rotated-away value of API token ");
        }

        @Test
        void shouldAnswerFalsePositiveForValuesDeskNeverIssued() {
            String neverIssued = TokenFormat.generate();
            String notOurs = "ghp_notadesktokenatall";

            Response answer = SecretScanner.report(
                    api, List.of(Found.inCommit(neverIssued, TYPE), Found.inCommit(notOurs, TYPE)));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .isEqualTo("[" + result(neverIssued, "false_positive").replaceAll("^\\[|\\]$", "") + ","
                            + result(notOurs, "false_positive").replaceAll("^\\[|\\]$", "") + "]");
        }

        @Test
        void shouldAnswerTruePositiveAgainForATokenAlreadyStopped() {
            IssuedToken issued = liveToken();
            SecretScanner.report(api, List.of(Found.inCommit(issued.value(), TYPE)));
            // Once deleted, desk no longer knows the value: a repeated report is a false positive.
            assertThat(SecretScanner.report(api, List.of(Found.inCommit(issued.value(), TYPE)))
                            .body())
                    .isEqualTo(result(issued.value(), "false_positive"));
        }
    }

    @Nested
    class RefusedReport {

        @Test
        void shouldRefuseAnUnsignedReportAndChangeNothing() {
            IssuedToken issued = liveToken();
            Response refused = api.send(
                    "POST",
                    "/secret_scanning/reports",
                    null,
                    DeskClient.json(List.of(Found.inCommit(issued.value(), TYPE))));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"InvalidSignature\",\"description\":\"The Github-Public-Key-Identifier "
                            + "and Github-Public-Key-Signature headers are required\"}");
            assertThat(api.get("/api/v2/users/me", auth(issued.value())).status())
                    .isEqualTo(200);
        }

        @Test
        void shouldRefuseASignatureOfAnotherBody() {
            IssuedToken issued = liveToken();
            String body = DeskClient.json(List.of(Found.inCommit(issued.value(), TYPE)));
            Response refused = api.send(
                    "POST",
                    "/secret_scanning/reports",
                    null,
                    body,
                    SecretScanner.headers(SecretScanner.KEY_IDENTIFIER, SecretScanner.sign(body + " ")));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("description").asString())
                    .isEqualTo("Github-Public-Key-Signature is not a valid signature of this body by key "
                            + "\"test-scanner\"");
            assertThat(api.get("/api/v2/users/me", auth(issued.value())).status())
                    .isEqualTo(200);
        }

        @Test
        void shouldRefuseAnUnknownKeyIdentifier() {
            String body = "[]";
            Response refused = api.send(
                    "POST", "/secret_scanning/reports", null, body, SecretScanner.headers("other-key", "MEUC"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("description").asString())
                    .isEqualTo("Github-Public-Key-Identifier \"other-key\" is not a configured key");
        }

        @Test
        void shouldRefuseABodyOverOneMebibyteBeforeCheckingItsSignature() {
            String body = "[" + " ".repeat(LeakReportController.MAX_BODY_BYTES) + "]";
            Response refused = api.send(
                    "POST", "/secret_scanning/reports", null, body, SecretScanner.headers("other-key", "MEUC"));
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.json().path("description").asString())
                    .isEqualTo("A leak report may be at most 1048576 bytes; send the tokens in several reports");
        }

        @Test
        void shouldRefuseASignedBodyThatIsNotAReport() {
            String body = DeskClient.json(Map.of("token", "dsk_x"));
            Response refused = api.send(
                    "POST",
                    "/secret_scanning/reports",
                    null,
                    body,
                    SecretScanner.headers(SecretScanner.KEY_IDENTIFIER, SecretScanner.sign(body)));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"InvalidReport\",\"description\":\"The body is not a JSON array of "
                            + "{\\\"token\\\",\\\"type\\\",\\\"url\\\",\\\"source\\\"} objects\"}");
        }
    }
}
