package io.deskbridge.desk.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/api_tokens} and the token lifecycle, over real HTTP. */
class ApiTokenIntegrationTests extends DeskIntegrationTest {

    @Autowired
    TokenLifecycle lifecycle;

    private Response create(String auth, Map<String, Object> token) {
        Response response = api.send("POST", "/api/v2/api_tokens", auth, DeskClient.json(Map.of("api_token", token)));
        if (response.status() == 201) {
            SecretLedger.issued(response.json().path("api_token").path("token").asString());
        }
        return response;
    }

    private static String me(String token) {
        return DeskClient.tokenAuth(OWNER_EMAIL, token);
    }

    /** A full-access token bound to the owner, expiring {@code after} from now on desk's clock. */
    private IssuedToken ownerToken(Duration after) {
        return issue(
                owner(),
                TokenScope.FULL,
                AuthenticatesAs.OWNER_ONLY,
                Instant.now(clock).plus(after));
    }

    private long tokenCount() {
        return jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single();
    }

    @Nested
    class Creating {

        @Test
        void shouldShowTheValueOnlyInTheCreateResponse() {
            String auth = ownerAuth();
            Response created = create(auth, Map.of("description", "Sync platform"));

            assertThat(created.status()).isEqualTo(201);
            JsonNode token = created.json().path("api_token");
            String value = token.path("token").asString();
            assertThat(value).matches("dsk_[0-9A-Za-z]{38}");
            assertThat(token.path("visible_token").asString()).isEqualTo("dsk_…" + value.substring(38));
            assertThat(token.path("description").asString()).isEqualTo("Sync platform");
            assertThat(token.path("user_id").asLong()).isEqualTo(owner().id());
            assertThat(token.path("scope").asString()).isEqualTo("full");
            assertThat(token.path("authenticates_as").asString()).isEqualTo("owner");
            assertThat(token.path("status").asString()).isEqualTo("active");
            assertThat(created.header("Location"))
                    .endsWith("/api/v2/api_tokens/" + token.path("id").asLong() + ".json");

            long id = token.path("id").asLong();
            Response shown = api.get("/api/v2/api_tokens/" + id, auth);
            assertThat(shown.json().path("api_token").has("token")).isFalse();
            assertThat(shown.body()).doesNotContain(value);
            assertThat(api.get("/api/v2/api_tokens", auth).body()).doesNotContain(value);

            Response meResponse = api.get("/api/v2/users/me", me(value));
            assertThat(meResponse.status()).isEqualTo(200);
            assertThat(meResponse.json().path("user").path("email").asString()).isEqualTo(OWNER_EMAIL);
        }

        @Test
        void shouldStoreOnlyTheHmacOfTheValue() {
            Response created = create(ownerAuth(), Map.of("description", "hash check"));
            String value = created.json().path("api_token").path("token").asString();
            long id = created.json().path("api_token").path("id").asLong();
            Map<String, Object> row = jdbc.sql("SELECT * FROM api_tokens WHERE id = :id")
                    .param("id", id)
                    .query()
                    .singleRow();
            assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(value.substring(4, 20)));
            assertThat(row.get("token_hash").toString()).matches("[0-9a-f]{64}");
        }

        @Test
        void shouldRefuseABlankDescriptionWithZendesksBody() {
            String auth = ownerAuth();
            long before = tokenCount();
            Response response = create(auth, Map.of("description", "   "));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(
                            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                                    + "{\"description\":[{\"description\":\"Description: cannot be blank\",\"error\":\"BlankValue\"}]}}");
            assertThat(tokenCount()).isEqualTo(before);
        }

        @Test
        void shouldRefuseADescriptionLongerThan255Characters() {
            Response response = create(ownerAuth(), Map.of("description", "x".repeat(256)));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/description/0/description").asString())
                    .isEqualTo("Description: is 256 characters; the maximum is 255");
        }

        @Test
        void shouldRefuseAnUnknownScope() {
            Response response = create(ownerAuth(), Map.of("description", "x", "scope", "admin"));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/scope/0/description").asString())
                    .isEqualTo("Scope: admin is not one of full, read");
        }

        @Test
        void shouldAnswerMalformedJsonWith400AndChangeNothing() {
            String auth = ownerAuth();
            long before = tokenCount();
            Response response = api.send("POST", "/api/v2/api_tokens", auth, "{\"api_token\": {\"description\": ");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/code").asString()).isEqualTo("InvalidJSON");
            assertThat(tokenCount()).isEqualTo(before);
        }

        @Test
        void shouldRefuseCreationWhileTokenAccessIsOff() {
            setAccess(false, true);
            UserAccount admin = newUser(Role.ADMIN);
            String password = SecretLedger.issued("Admin-Pw-" + admin.id() + "-x");
            users.create("Second admin", "pw-" + admin.email(), Role.ADMIN, password);
            long before = tokenCount();

            Response response =
                    create(DeskClient.passwordAuth("pw-" + admin.email(), password), Map.of("description", "x"));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/base/0/error").asString()).isEqualTo("TokenAccessDisabled");
            assertThat(response.json().at("/details/base/0/description").asString())
                    .isEqualTo("API token access is turned off: turn on Admin Center → Apps and integrations → APIs → "
                            + "API configuration → Allow API token access to generate tokens");
            assertThat(tokenCount()).isEqualTo(before);
        }

        @Test
        void shouldAuditTheCreationWithoutTheValue() {
            Response created = create(ownerAuth(), Map.of("description", "audited"));
            long id = created.json().path("api_token").path("id").asLong();
            var entries = auditEntries("api_token.created").stream()
                    .filter(e -> ((Number) e.get("source_id")).longValue() == id)
                    .toList();
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("action")).isEqualTo("create");
            assertThat(entries.get(0).get("actor_id")).isNotNull();
            assertThat(entries.get(0).get("ip_address")).isEqualTo("127.0.0.1");
            assertThat(entries.get(0).get("change_description").toString())
                    .startsWith("Created API token dsk_…")
                    .contains("Full access");
        }
    }

    @Nested
    class Expiry {

        @Test
        void shouldRefuseNeverWhenThePolicyDoesNotAllowIt() {
            Response response = create(ownerAuth(), Map.of("description", "x", "never_expires", true));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/expires_at/0/description").asString())
                    .isEqualTo("Expires at: \"never\" is not allowed by the account's token policy (maximum 365 days)");
        }

        @Test
        void shouldAllowNeverWhenThePolicyAllowsIt() {
            String auth = ownerAuth();
            policy.update(
                    io.deskbridge.desk.audit.Actor.system(),
                    new io.deskbridge.desk.apiaccess.ApiAccessUpdate(null, null, null, true, null, null));
            Response response = create(auth, Map.of("description", "x", "never_expires", true));
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().path("api_token").path("expires_at").isNull())
                    .isTrue();
        }

        @Test
        void shouldRefuseAnExpiryBeyondThePolicyMaximum() {
            Response response = create(ownerAuth(), Map.of("description", "x", "expires_in_days", 400));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/expires_at/0/description").asString())
                    .endsWith("is more than the account's maximum of 365 days away");
        }

        @Test
        void shouldRefuseAnExpiryInThePast() {
            Response response = create(ownerAuth(), Map.of("description", "x", "expires_at", "2020-01-01T00:00:00Z"));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/expires_at/0/description").asString())
                    .isEqualTo("Expires at: 2020-01-01T00:00:00Z is not in the future");
        }

        @Test
        void shouldStopWorkingAtExpiryStayListedAsExpiredAndBeAuditedOnce() {
            IssuedToken issued = ownerToken(Duration.ofDays(10));
            String auth = me(issued.value());
            assertThat(api.get("/api/v2/users/me", auth).status()).isEqualTo(200);
            assertThat(tokens.get(issued.token().id()).status()).isEqualTo(TokenStatus.ACTIVE);

            clock.advance(Duration.ofDays(4));
            assertThat(tokens.get(issued.token().id()).status()).isEqualTo(TokenStatus.EXPIRING_SOON);

            clock.advance(Duration.ofDays(7));
            Response refused = api.get("/api/v2/users/me", auth);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
            assertThat(tokens.get(issued.token().id()).status()).isEqualTo(TokenStatus.EXPIRED);

            lifecycle.sweep();
            lifecycle.sweep();
            assertThat(auditEntries("api_token.expired"))
                    .filteredOn(e -> ((Number) e.get("source_id")).longValue()
                            == issued.token().id())
                    .hasSize(1);
            assertThat(tokens.list())
                    .extracting(ApiToken::id)
                    .contains(issued.token().id());
        }
    }

    @Nested
    class Rotation {

        @Test
        void shouldKeepTheOldValueWorkingForTheGracePeriodOnly() {
            String auth = ownerAuth();
            IssuedToken issued = ownerToken(Duration.ofDays(30));
            Response rotated = api.send(
                    "POST",
                    "/api/v2/api_tokens/" + issued.token().id() + "/rotate",
                    auth,
                    "{\"grace_period_seconds\":3600}");
            assertThat(rotated.status()).isEqualTo(200);
            String newValue = SecretLedger.issued(
                    rotated.json().path("api_token").path("token").asString());
            assertThat(newValue).isNotEqualTo(issued.value()).matches("dsk_[0-9A-Za-z]{38}");
            assertThat(rotated.json()
                            .path("api_token")
                            .path("previous_value_valid_until")
                            .isNull())
                    .isFalse();

            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/users/me", me(newValue)).status()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(61));
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(401);
            assertThat(api.get("/api/v2/users/me", me(newValue)).status()).isEqualTo(200);

            lifecycle.sweep();
            assertThat(auditEntries("api_token.previous_value_deactivated"))
                    .filteredOn(e -> ((Number) e.get("source_id")).longValue()
                            == issued.token().id())
                    .hasSize(1);
            assertThat(auditEntries("api_token.rotated"))
                    .filteredOn(e -> ((Number) e.get("source_id")).longValue()
                            == issued.token().id())
                    .hasSize(1);
        }

        @Test
        void shouldStopTheOldValueAtOnceWithZeroGrace() {
            String auth = ownerAuth();
            IssuedToken issued = ownerToken(Duration.ofDays(30));
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(200);
            Response rotated =
                    api.send("POST", "/api/v2/api_tokens/" + issued.token().id() + "/rotate", auth, "{}");
            String newValue = SecretLedger.issued(
                    rotated.json().path("api_token").path("token").asString());

            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(401);
            assertThat(api.get("/api/v2/users/me", me(newValue)).status()).isEqualTo(200);
        }

        @Test
        void shouldRefuseAGraceLongerThanSevenDays() {
            String auth = ownerAuth();
            IssuedToken issued = ownerToken(Duration.ofDays(30));
            Response response = api.send(
                    "POST",
                    "/api/v2/api_tokens/" + issued.token().id() + "/rotate",
                    auth,
                    "{\"grace_period_seconds\":604801}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .at("/details/grace_period_seconds/0/description")
                            .asString())
                    .isEqualTo("Grace period: 604801 seconds is outside 0 to 604800 seconds (7 days)");
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(200);
        }
    }

    @Nested
    class DeactivatingAndDeleting {

        @Test
        void shouldDeactivateReactivateAndDeleteWithAuditEntries() {
            String auth = ownerAuth();
            IssuedToken issued = ownerToken(Duration.ofDays(30));
            long id = issued.token().id();
            String path = "/api/v2/api_tokens/" + id;

            Response off = api.send("PUT", path, auth, "{\"api_token\":{\"active\":false}}");
            assertThat(off.status()).isEqualTo(200);
            assertThat(off.json().path("api_token").path("status").asString()).isEqualTo("deactivated");
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(401);

            Response on = api.send("PUT", path, auth, "{\"api_token\":{\"active\":true}}");
            assertThat(on.json().path("api_token").path("status").asString()).isEqualTo("active");
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(200);

            Response renamed = api.send("PUT", path, auth, "{\"api_token\":{\"description\":\"Renamed\"}}");
            assertThat(renamed.json().path("api_token").path("description").asString())
                    .isEqualTo("Renamed");

            assertThat(api.send("DELETE", path, auth, null).status()).isEqualTo(204);
            assertThat(api.get("/api/v2/users/me", me(issued.value())).status()).isEqualTo(401);
            Response gone = api.get(path, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");

            for (String event : new String[] {
                "api_token.deactivated", "api_token.reactivated", "api_token.updated", "api_token.deleted"
            }) {
                assertThat(auditEntries(event))
                        .as(event)
                        .filteredOn(e -> ((Number) e.get("source_id")).longValue() == id)
                        .hasSize(1);
            }
        }
    }

    @Nested
    class UnusedTokenPolicy {

        @Test
        void shouldDeactivateTokensUnusedForThirtyDaysThenDeleteThemSixtyDaysLater() {
            IssuedToken idle = ownerToken(Duration.ofDays(300));
            IssuedToken busy = ownerToken(Duration.ofDays(300));

            clock.advance(Duration.ofDays(20));
            assertThat(api.get("/api/v2/users/me", me(busy.value())).status()).isEqualTo(200);
            clock.advance(Duration.ofDays(11));
            lifecycle.sweep();

            assertThat(tokens.get(idle.token().id()).status()).isEqualTo(TokenStatus.DEACTIVATED);
            assertThat(tokens.get(idle.token().id()).deactivationReason()).isEqualTo("unused");
            assertThat(tokens.get(busy.token().id()).status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(api.get("/api/v2/users/me", me(idle.value())).status()).isEqualTo(401);
            assertThat(auditEntries("api_token.auto_deactivated"))
                    .filteredOn(e -> ((Number) e.get("source_id")).longValue()
                            == idle.token().id())
                    .singleElement()
                    .satisfies(e -> assertThat(e.get("actor_name")).isEqualTo("Deskbridge (automatic)"));

            clock.advance(Duration.ofDays(61));
            lifecycle.sweep();
            assertThat(tokens.list())
                    .extracting(ApiToken::id)
                    .doesNotContain(idle.token().id());
            assertThat(auditEntries("api_token.auto_deleted"))
                    .filteredOn(e -> ((Number) e.get("source_id")).longValue()
                            == idle.token().id())
                    .hasSize(1);
        }

        @Test
        void shouldNotDeactivateWhenTheIdlePolicyIsOff() {
            policy.update(
                    io.deskbridge.desk.audit.Actor.system(),
                    new io.deskbridge.desk.apiaccess.ApiAccessUpdate(null, null, null, null, 0, null));
            IssuedToken idle = ownerToken(Duration.ofDays(300));
            clock.advance(Duration.ofDays(100));
            lifecycle.sweep();
            assertThat(tokens.get(idle.token().id()).status()).isEqualTo(TokenStatus.ACTIVE);
        }

        @Test
        void shouldGiveAReactivatedTokenAFreshIdlePeriod() {
            IssuedToken token = ownerToken(Duration.ofDays(300));
            clock.advance(Duration.ofDays(31));
            lifecycle.sweep();
            assertThat(tokens.get(token.token().id()).status()).isEqualTo(TokenStatus.DEACTIVATED);
            tokens.reactivate(
                    io.deskbridge.desk.audit.Actor.system(), token.token().id());
            lifecycle.sweep();
            assertThat(tokens.get(token.token().id()).status()).isEqualTo(TokenStatus.ACTIVE);
        }
    }

    @Nested
    class LastUsed {

        @Test
        void shouldRecordTimeAndAddressWithoutAWritePerRequest() {
            IssuedToken issued = ownerToken(Duration.ofDays(30));
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 5; i++) {
                assertThat(api.get("/api/v2/users/me", me(issued.value())).status())
                        .isEqualTo(200);
            }
            Object stored = jdbc.sql("SELECT last_used_at FROM api_tokens WHERE id = :id")
                    .param("id", issued.token().id())
                    .query()
                    .singleRow()
                    .get("last_used_at");
            assertThat(stored).as("not written per request").isNull();

            ApiToken shown = tokens.get(issued.token().id());
            assertThat(shown.lastUsedAt()).isAfterOrEqualTo(before);
            assertThat(shown.lastUsedIp()).isEqualTo("127.0.0.1");
        }
    }
}
