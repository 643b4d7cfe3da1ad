package io.deskbridge.sync.connection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A credential as the plaintext the vault seals: a small JSON document tagged with its type. */
final class CredentialCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CredentialCodec() {}

    static byte[] encode(Credential credential) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", credential.type().wireName());
        if (credential instanceof ApiTokenCredential token) {
            json.put("email", token.email());
            json.put("token", token.token());
        } else if (credential instanceof OAuthCredential oauth) {
            json.put("access_token", oauth.accessToken());
            json.put("refresh_token", oauth.refreshToken());
            json.put(
                    "access_token_expires_at",
                    oauth.accessTokenExpiresAt() == null
                            ? null
                            : oauth.accessTokenExpiresAt().toString());
            json.put("client_id", oauth.clientId());
            json.put("client_secret", oauth.clientSecret());
        }
        return JSON.writeValueAsBytes(json);
    }

    static Credential decode(byte[] plaintext) {
        JsonNode json = JSON.readTree(plaintext);
        String type = json.path("type").asString();
        if (AuthType.API_TOKEN.wireName().equals(type)) {
            return new ApiTokenCredential(
                    json.path("email").asString(), json.path("token").asString());
        }
        if (AuthType.OAUTH.wireName().equals(type)) {
            return new OAuthCredential(
                    json.path("access_token").asString(),
                    text(json.path("refresh_token")),
                    json.path("access_token_expires_at").isString()
                            ? Instant.parse(json.path("access_token_expires_at").asString())
                            : null,
                    text(json.path("client_id")),
                    text(json.path("client_secret")));
        }
        throw new IllegalStateException("A stored credential has the unknown type '" + type + "'");
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
