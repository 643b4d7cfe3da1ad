package io.deskbridge.sync.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.sync.support.SecretLedger;
import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.deskbridge.sync.vault.CredentialBinding;
import io.deskbridge.sync.vault.SealedSecret;
import io.deskbridge.sync.vault.SealedSecretStore;
import io.deskbridge.sync.vault.Vault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Master key rotation re-wraps rules' notification signing secrets and webhook hint secrets, and
 * changing a hint secret is audited. This sync runs on the rotated keyset with the old key already
 * retired (only the new key); the secrets are stored as they were before the rotation (sealed under
 * the old key, by a vault holding it), then every store is re-wrapped by a vault holding both keys —
 * what {@code MasterKeyRotation} does when sync starts on the rotated keyset. After that, this sync,
 * which no longer has the old key, still signs the rule's notification and verifies hints.
 */
class MasterKeyRotationIntegrationTests extends SyncIntegrationTest {

    private static final String OLD_KEYSET = Vault.newMasterKeysetJson();
    private static final String ROTATED_KEYSET = Vault.withNewPrimaryKeyJson(OLD_KEYSET);
    private static final String RETIRED_KEYSET = Vault.withOnlyPrimaryKeyJson(ROTATED_KEYSET);
    private static final String HINT_SECRET = SecretLedger.issued("hint-" + UUID.randomUUID());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void retiredKeyset(DynamicPropertyRegistry registry) {
        registry.add(
                "sync.vault.master-key",
                () -> Base64.getEncoder().encodeToString(RETIRED_KEYSET.getBytes(StandardCharsets.UTF_8)));
    }

    @Autowired
    private List<SealedSecretStore> stores;

    private final Vault oldVault = Vault.ofMasterKeysetJson(OLD_KEYSET);
    private final Vault rotatedVault = Vault.ofMasterKeysetJson(ROTATED_KEYSET);
    private NotifyEndpoint endpoint;

    @AfterAll
    void stopEndpoint() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private List<JsonNode> audit(long connectionId) {
        JsonNode entries = api.get("/api/audit?connection_id=" + connectionId, operatorAuth())
                .json()
                .get("audit_log");
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.get("event").asString().startsWith("connection.hint_secret"))
                .toList();
    }

    private SyncClient.Response putHintSecret(long connectionId, String secret) {
        return api.send(
                "PUT",
                "/api/connections/" + connectionId + "/hint-secret",
                operatorAuth(),
                SyncClient.json(Map.of("signing_secret", secret)));
    }

    private HttpResponse<String> hint(long connectionId, String secret) throws Exception {
        String body = "{\"type\":\"zen:event-type:ticket.priority_changed\"}";
        String at = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal((at + body).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/zendesk/" + connectionId))
                        .header("Content-Type", "application/json")
                        .header("X-Zendesk-Webhook-Signature-Timestamp", at)
                        .header("X-Zendesk-Webhook-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class HintSecretAudit {

        @Test
        void shouldRecordWhoSetReplacedAndRemovedItNeverTheValue() {
            long id = newConnection().id();
            String first = SecretLedger.issued("first-" + UUID.randomUUID());
            String second = SecretLedger.issued("second-" + UUID.randomUUID());

            assertThat(putHintSecret(id, first).status()).isEqualTo(200);
            assertThat(putHintSecret(id, "short").status()).isEqualTo(422);
            assertThat(putHintSecret(id, second).status()).isEqualTo(200);
            assertThat(api.send("DELETE", "/api/connections/" + id + "/hint-secret", operatorAuth(), null)
                            .status())
                    .isEqualTo(200);
            assertThat(api.send("DELETE", "/api/connections/" + id + "/hint-secret", operatorAuth(), null)
                            .status())
                    .isEqualTo(200);

            List<JsonNode> entries = audit(id);
            assertThat(entries.stream().map(e -> e.get("event").asString()))
                    .containsExactly(
                            "connection.hint_secret_removed",
                            "connection.hint_secret_set",
                            "connection.hint_secret_set");
            assertThat(entries.stream().map(e -> e.get("description").asString()))
                    .containsExactly(
                            "Removed the webhook hint signing secret: hints are refused from now on",
                            "Replaced the webhook hint signing secret (" + second.length() + " characters)",
                            "Stored the webhook hint signing secret (" + first.length() + " characters)");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.get("actor").asString()).isEqualTo(OPERATOR_EMAIL);
                assertThat(e.get("actor_type").asString()).isEqualTo("operator");
                assertThat(e.get("connection_id").asLong()).isEqualTo(id);
                assertThat(e.get("created_at").asString()).isNotBlank();
                assertThat(e.toString()).doesNotContain(first).doesNotContain(second);
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AfterRotation {

        private long connectionId;
        private long ruleId;
        private String signingSecret;

        @BeforeAll
        void storedUnderTheOldKeyThenRewrapped() {
            endpoint = new NotifyEndpoint();
            api = SyncClient.stateless(baseUrl());
            connectionId = newConnection().id();
            SyncClient.Response created = api.send(
                    "POST",
                    "/api/connections/" + connectionId + "/rules",
                    operatorAuth(),
                    SyncClient.json(Map.of(
                            "rule",
                            Map.of(
                                    "title",
                                    "notify on rotation",
                                    "event",
                                    "ticket.updated",
                                    "actions",
                                    List.of(Map.of("field", "notify", "value", endpoint.url()))))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ruleId = created.json().get("rule").get("id").asLong();
            signingSecret =
                    SecretLedger.issued(created.json().get("signing_secret").asString());
            assertThat(putHintSecret(connectionId, HINT_SECRET).status()).isEqualTo(200);

            // As stored before the rotation: sealed under the old key.
            SealedSecret rule = oldVault.seal(
                    signingSecret.getBytes(StandardCharsets.UTF_8), RuleSecrets.binding(connectionId, ruleId));
            jdbc.sql("UPDATE automation_rules SET secret_master_key_id = :k, secret_wrapped_key = :w,"
                            + " secret_ciphertext = :x WHERE id = :id")
                    .param("k", rule.masterKeyId())
                    .param("w", rule.wrappedKey())
                    .param("x", rule.ciphertext())
                    .param("id", ruleId)
                    .update();
            SealedSecret hint = oldVault.seal(
                    HINT_SECRET.getBytes(StandardCharsets.UTF_8),
                    new CredentialBinding(connectionId, Integer.MIN_VALUE));
            jdbc.sql("UPDATE hint_secrets SET master_key_id = :k, wrapped_key = :w, ciphertext = :x"
                            + " WHERE connection_id = :c")
                    .param("k", hint.masterKeyId())
                    .param("w", hint.wrappedKey())
                    .param("x", hint.ciphertext())
                    .param("c", connectionId)
                    .update();

            stores.forEach(store -> store.rewrap(rotatedVault));
        }

        @Test
        void shouldHaveRewrappedEverySecretUnderTheNewKey() {
            long newKey = rotatedVault.primaryKeyId();

            assertThat(newKey).isNotEqualTo(oldVault.primaryKeyId()).isEqualTo(vault.primaryKeyId());
            assertThat(jdbc.sql("SELECT secret_master_key_id FROM automation_rules WHERE id = :id")
                            .param("id", ruleId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(newKey);
            assertThat(jdbc.sql("SELECT master_key_id FROM hint_secrets WHERE connection_id = :c")
                            .param("c", connectionId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(newKey);
            assertThat(stores.stream()
                            .mapToInt(store -> store.rewrap(rotatedVault))
                            .sum())
                    .as("nothing left wrapped by another key")
                    .isZero();
        }

        @Test
        void shouldStillVerifyHintsWithoutTheOldKey() throws Exception {
            HttpResponse<String> accepted = hint(connectionId, HINT_SECRET);
            HttpResponse<String> forged = hint(connectionId, "not-the-secret-" + UUID.randomUUID());

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(forged.statusCode()).isEqualTo(401);
        }

        @Test
        void shouldStillSignTheRulesNotificationsWithoutTheOldKey() {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            String plan = "{\"update\": null, \"notify_url\": \"" + endpoint.url() + "\", \"actions\": [{\"field\":"
                    + " \"notify\", \"value\": \"" + endpoint.url() + "\"}]}";
            jdbc.sql("""
                    INSERT INTO automation_ledger (connection_id, rule_id, ticket_id, ticket_version, chain_depth,
                        decided_at, plan_json, state, attempts, next_attempt_at, ticket_outcome, notify_outcome)
                    VALUES (:c, :r, 1, 1, 0, :now, :plan, 'PENDING', 0, :now, NULL, 'PENDING')
                    """)
                    .param("c", connectionId)
                    .param("r", ruleId)
                    .param("now", now)
                    .param("plan", plan)
                    .update();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !endpoint.deliveries().isEmpty());

            NotifyEndpoint.Delivery delivery = endpoint.deliveries().get(0);
            assertThat(delivery.signedWith(signingSecret)).as(delivery.text()).isTrue();
        }
    }
}
