package io.deskbridge.desk.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScopeRulesTests {

    @Nested
    class ResourceScopes {

        private final OAuthScopes ticketsRead = OAuthScopes.parse("tickets:read");

        @Test
        void shouldLetTicketReadsThroughWithOrWithoutTheJsonSuffix() {
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/tickets"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/tickets/7.json"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/incremental/tickets/cursor.json"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/deleted_tickets"))
                    .isEmpty();
        }

        @Test
        void shouldNameTheResourceScopeThatIsMissing() {
            assertThat(ScopeRules.missingScope(ticketsRead, "PUT", "/api/v2/tickets/7"))
                    .contains("tickets:write");
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/users/me"))
                    .contains("users:read");
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/audit_logs"))
                    .contains("auditlogs:read");
        }

        @Test
        void shouldNameTheBroadScopeWhereNoResourceScopeApplies() {
            assertThat(ScopeRules.missingScope(ticketsRead, "GET", "/api/v2/search"))
                    .contains("read");
            assertThat(ScopeRules.missingScope(ticketsRead, "POST", "/api/v2/groups"))
                    .contains("write");
        }

        @Test
        void shouldAlwaysLetATokenSeeAndRevokeItself() {
            assertThat(ScopeRules.missingScope(ticketsRead, "DELETE", "/api/v2/oauth/tokens/current.json"))
                    .isEmpty();
        }
    }

    @Nested
    class SecretReads {

        @Test
        void shouldRequireWriteToShowAWebhooksSigningSecret() {
            assertThat(ScopeRules.missingScope(OAuthScopes.parse("read"), "GET", "/api/v2/webhooks/01H/signing_secret"))
                    .contains("webhooks:write");
            assertThat(ScopeRules.missingScope(
                            OAuthScopes.parse("webhooks:read"), "GET", "/api/v2/webhooks/01H/signing_secret.json"))
                    .contains("webhooks:write");
            assertThat(ScopeRules.missingScope(
                            OAuthScopes.parse("webhooks:write"), "GET", "/api/v2/webhooks/01H/signing_secret"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(
                            OAuthScopes.parse("write"), "GET", "/api/v2/webhooks/01H/signing_secret"))
                    .isEmpty();
        }

        @Test
        void shouldLetReadScopesShowTheWebhookItself() {
            assertThat(ScopeRules.missingScope(OAuthScopes.parse("webhooks:read"), "GET", "/api/v2/webhooks/01H"))
                    .isEmpty();
            assertThat(ScopeRules.needsWrite("GET", "/api/v2/webhooks/01H")).isFalse();
            assertThat(ScopeRules.needsWrite("GET", "/api/v2/webhooks/01H/signing_secret"))
                    .isTrue();
        }
    }

    @Nested
    class BroadScopes {

        @Test
        void shouldLetReadCoverEveryGetAndNoWrite() {
            OAuthScopes read = OAuthScopes.parse("read");
            assertThat(ScopeRules.missingScope(read, "GET", "/api/v2/anything/new"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(read, "HEAD", "/api/v2/users")).isEmpty();
            assertThat(ScopeRules.missingScope(read, "DELETE", "/api/v2/users/3"))
                    .contains("users:write");
        }

        @Test
        void shouldLetAResourceWriteAddToBroadRead() {
            OAuthScopes scopes = OAuthScopes.parse("organizations:write read");
            assertThat(ScopeRules.missingScope(scopes, "POST", "/api/v2/organizations"))
                    .isEmpty();
            assertThat(ScopeRules.missingScope(scopes, "POST", "/api/v2/tickets"))
                    .contains("tickets:write");
        }
    }

    @Nested
    class Parsing {

        @Test
        void shouldRefuseUnknownScopesAndAccessesAResourceDoesNotOffer() {
            assertThatThrownBy(() -> OAuthScopes.parse("tickets:delete"))
                    .isInstanceOf(OAuthException.class)
                    .hasMessageStartingWith("\"tickets:delete\" is not a scope this desk grants");
            assertThatThrownBy(() -> OAuthScopes.parse("auditlogs:write"))
                    .hasMessageStartingWith("\"auditlogs:write\" is not a scope this desk grants");
            assertThatThrownBy(() -> OAuthScopes.parse("impersonate"))
                    .hasMessageStartingWith("impersonate is not supported by this desk");
            assertThatThrownBy(() -> OAuthScopes.parse(" ")).hasMessageStartingWith("scope is missing");
        }

        @Test
        void shouldKeepTheOrderGivenAndDropRepeats() {
            assertThat(OAuthScopes.parse("write  read write").wire()).isEqualTo("write read");
        }
    }
}
