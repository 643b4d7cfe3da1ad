package io.deskbridge.sync.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.AuthType;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RisksTests {

    private static final Clock DEC_7_2026 = Clock.fixed(Instant.parse("2026-12-07T15:20:00Z"), ZoneOffset.UTC);

    private static final Connection ZENDESK = connection("https://acme.zendesk.com", true);
    private static final Connection DESK = connection("http://127.0.0.1:8080", false);

    @Nested
    class ForAZendeskAccount {

        @Test
        void shouldCountTheDaysToTheCutOffFromTheClock() {
            MigrationRisk risk = Risks.assess(ZENDESK, TokenStanding.unknown("not listed"), DEC_7_2026.instant());

            assertThat(risk.tokensStopOn()).isEqualTo(LocalDate.of(2027, 4, 30));
            assertThat(risk.daysToCutoff()).isEqualTo(144);
            assertThat(risk.daysLeft()).isEqualTo(144);
            assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
            assertThat(risk.notes().get(0))
                    .isEqualTo("Zendesk turns off every API token on 2027-04-30 (in 144 days) and issues no new ones "
                            + "since 2026-10-27: a lost or deactivated token cannot be replaced by another token.");
            assertThat(risk.notes().get(1)).isEqualTo("The token's last use and expiry are unknown: not listed.");
            assertThat(risk.oauthClientsUrl())
                    .isEqualTo("https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/oauth_clients");
            assertThat(risk.apiTokenUrl())
                    .isEqualTo("https://acme.zendesk.com/admin/apps-integrations/apis/zendesk-api/settings/tokens");
        }

        @Test
        void shouldBeCriticalInTheLastWeekAndAfterTheCutOff() {
            assertThat(Risks.assess(ZENDESK, TokenStanding.unknown("-"), Instant.parse("2027-04-23T00:00:00Z"))
                            .level())
                    .isEqualTo(RiskLevel.CRITICAL);
            MigrationRisk after =
                    Risks.assess(ZENDESK, TokenStanding.unknown("-"), Instant.parse("2027-05-02T12:00:00Z"));
            assertThat(after.daysToCutoff()).isEqualTo(-2);
            assertThat(after.level()).isEqualTo(RiskLevel.CRITICAL);
            assertThat(after.notes().get(0))
                    .isEqualTo("Zendesk turned off every API token on 2027-04-30: the connection cannot sync until it "
                            + "uses OAuth.");
        }

        @Test
        void shouldTakeTheIdleDeactivationWhenItComesFirst() {
            TokenStanding standing = TokenStanding.match(tokens("""
                            [{"id": 9, "visible_token": "abcd...wxyz", "last_used": "2026-11-20T08:00:00Z"}]"""), "0123456789wxyz");

            MigrationRisk risk = Risks.assess(ZENDESK, standing, DEC_7_2026.instant());

            assertThat(risk.tokenId()).isEqualTo(9);
            assertThat(risk.idleDeactivationAt()).isEqualTo(Instant.parse("2026-12-20T08:00:00Z"));
            assertThat(risk.daysToIdleDeactivation()).isEqualTo(12);
            assertThat(risk.daysLeft()).isEqualTo(12);
            assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        }
    }

    @Nested
    class ForDesk {

        @Test
        void shouldHaveNoCutOffAndTakeTheTokensOwnExpiry() {
            TokenStanding standing = TokenStanding.match(tokens("""
                            [{"id": 4, "visible_token": "dsk_...a1b2", "last_used": "2026-12-07T15:00:00Z",
                              "expires_at": "2027-01-01T00:00:00Z"},
                             {"id": 5, "visible_token": "dsk_...zzzz", "last_used": null, "expires_at": null}]"""), "dsk_0123456789a1b2");

            MigrationRisk risk = Risks.assess(DESK, standing, DEC_7_2026.instant());

            assertThat(risk.zendeskCloud()).isFalse();
            assertThat(risk.tokensStopOn()).isNull();
            assertThat(risk.daysToCutoff()).isNull();
            assertThat(risk.tokenExpiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(risk.daysToTokenExpiry()).isEqualTo(24);
            assertThat(risk.daysToIdleDeactivation()).isEqualTo(29);
            assertThat(risk.daysLeft()).isEqualTo(24);
            assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
            assertThat(risk.apiTokenUrl()).isEqualTo("http://127.0.0.1:8080/admin/apps-integrations/apis/tokens/4");
            assertThat(risk.oauthClientsUrl())
                    .isEqualTo("http://127.0.0.1:8080/admin/apps-integrations/apis/oauth-clients");
            assertThat(risk.notes())
                    .contains("Token 4 was last used at 2026-12-07T15:00:00Z; it expires at 2027-01-01T00:00:00Z.");
        }

        @Test
        void shouldCallTwoTokensEndingAlikeUnknownRatherThanGuess() {
            TokenStanding standing = TokenStanding.match(tokens("""
                            [{"id": 4, "visible_token": "dsk_...a1b2"}, {"id": 6, "visible_token": "dsk_...a1b2"}]"""), "dsk_0123456789a1b2");

            MigrationRisk risk = Risks.assess(DESK, standing, DEC_7_2026.instant());

            assertThat(risk.tokenId()).isNull();
            assertThat(risk.daysLeft()).isNull();
            assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
            assertThat(risk.apiTokenUrl()).isEqualTo("http://127.0.0.1:8080/admin/apps-integrations/apis/tokens");
            assertThat(risk.notes())
                    .contains("The token's last use and expiry are unknown: two tokens in the account's list end "
                            + "like this one.");
        }
    }

    private static JsonNode tokens(String json) {
        return JsonMapper.builder().build().readTree(json);
    }

    private static Connection connection(String address, boolean cloud) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Connection(
                1,
                "Acme",
                ZendeskAddress.ofBaseUrl(address),
                ConnectionState.READY,
                1,
                AuthType.API_TOKEN,
                "admin@acme.test",
                created,
                created,
                created);
    }
}
