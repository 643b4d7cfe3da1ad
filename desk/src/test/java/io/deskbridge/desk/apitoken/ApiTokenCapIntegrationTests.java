package io.deskbridge.desk.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Its own desk, so that the 256 tokens do not crowd the shared one. */
@TestPropertySource(properties = "desk.tokens.max-per-account=256")
class ApiTokenCapIntegrationTests extends DeskIntegrationTest {

    @Test
    void shouldRefuseThe257thTokenWithAClearError() {
        String auth = ownerAuth();
        long existing =
                jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single();
        for (long i = existing; i < 256; i++) {
            issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
        }
        assertThat(api.get("/api/v2/api_tokens", auth).json().path("api_tokens").size())
                .isEqualTo(256);

        Response refused =
                api.send("POST", "/api/v2/api_tokens", auth, "{\"api_token\":{\"description\":\"one more\"}}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/details/base/0/error").asString()).isEqualTo("TokenLimitReached");
        assertThat(refused.json().at("/details/base/0/description").asString())
                .isEqualTo(
                        "This account already has 256 API tokens, the maximum; delete unused tokens before adding more");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single())
                .isEqualTo(256);

        long first = tokens.list().get(0).id();
        assertThat(api.send("DELETE", "/api/v2/api_tokens/" + first, auth, null).status())
                .isEqualTo(204);
        Response afterDelete =
                api.send("POST", "/api/v2/api_tokens", auth, "{\"api_token\":{\"description\":\"fits again\"}}");
        assertThat(afterDelete.status()).isEqualTo(201);
        io.deskbridge.desk.support.SecretLedger.issued(
                afterDelete.json().path("api_token").path("token").asString());
    }
}
