package io.deskbridge.sync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialCodecTests {

    @Test
    void shouldRoundTripAnApiToken() {
        ApiTokenCredential token = new ApiTokenCredential("admin@acme.test", "zd0123456789abcdef");
        assertThat(CredentialCodec.decode(CredentialCodec.encode(token))).isEqualTo(token);
    }

    @Test
    void shouldRoundTripOAuthTokensWithAndWithoutRefreshToken() {
        OAuthCredential full = new OAuthCredential("access-1", "refresh-1", Instant.parse("2026-11-27T10:15:30Z"));
        OAuthCredential bare = new OAuthCredential("access-2", null, null);
        OAuthCredential withClient = new OAuthCredential(
                "access-3", "refresh-3", Instant.parse("2026-11-27T10:15:30Z"), "deskbridge_sync", "client-secret");
        assertThat(CredentialCodec.decode(CredentialCodec.encode(full))).isEqualTo(full);
        assertThat(CredentialCodec.decode(CredentialCodec.encode(withClient))).isEqualTo(withClient);
        assertThat(CredentialCodec.decode(CredentialCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void shouldNeverPrintASecretInToString() {
        assertThat(new ApiTokenCredential("admin@acme.test", "zd0123456789abcdef").toString())
                .isEqualTo("ApiTokenCredential[email=admin@acme.test, token=(secret)]");
        assertThat(new OAuthCredential("access-1", "refresh-1", Instant.parse("2026-11-27T10:15:30Z")).toString())
                .isEqualTo("OAuthCredential[accessToken=(secret), refreshToken=(secret), "
                        + "accessTokenExpiresAt=2026-11-27T10:15:30Z, clientId=null, clientSecret=none]");
        assertThat(new OAuthCredential("a", "r", null, "deskbridge_sync", "client-secret").toString())
                .isEqualTo("OAuthCredential[accessToken=(secret), refreshToken=(secret), "
                        + "accessTokenExpiresAt=null, clientId=deskbridge_sync, clientSecret=(secret)]");
    }
}
