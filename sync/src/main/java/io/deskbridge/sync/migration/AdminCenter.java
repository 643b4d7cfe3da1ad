package io.deskbridge.sync.migration;

import io.deskbridge.sync.address.ZendeskAddress;
import java.util.List;

/**
 * Where things are in the account's Admin Center, and the steps to create the OAuth client. Decision:
 * desk's pages are {@code /admin/apps-integrations/apis/oauth-clients} and {@code
 * /admin/apps-integrations/apis/tokens/{id}} (a token's own page, with Delete); Zendesk's Admin Center
 * serves its API pages under {@code /admin/apps-integrations/apis/zendesk-api/} ({@code
 * settings/tokens} and {@code oauth_clients}; a token has no page of its own there, so the link is the
 * list). Both menus read "Apps and integrations → APIs → OAuth clients / API tokens".
 */
record AdminCenter(ZendeskAddress address) {

    static final String OAUTH_CLIENTS_MENU = "Admin Center → Apps and integrations → APIs → OAuth clients";
    static final String API_TOKENS_MENU = "Admin Center → Apps and integrations → APIs → API tokens";

    static AdminCenter of(ZendeskAddress address) {
        return new AdminCenter(address);
    }

    String oauthClientsUrl() {
        return base()
                + (address.zendeskCloud()
                        ? "/admin/apps-integrations/apis/zendesk-api/oauth_clients"
                        : "/admin/apps-integrations/apis/oauth-clients");
    }

    /** The token's own page when desk's id is known, else the token list. */
    String apiTokenUrl(Long tokenId) {
        if (address.zendeskCloud()) {
            return base() + "/admin/apps-integrations/apis/zendesk-api/settings/tokens";
        }
        return base() + "/admin/apps-integrations/apis/tokens" + (tokenId == null ? "" : "/" + tokenId);
    }

    String apiTokensPath() {
        return API_TOKENS_MENU;
    }

    List<String> oauthClientSteps() {
        return List.of(
                "Sign in to the account as an active admin: a client-credentials token acts as the admin who "
                        + "created the client, so create it as the admin sync should act as (and keep that admin active).",
                "Open " + OAUTH_CLIENTS_MENU + " (" + oauthClientsUrl() + ") and click Add OAuth client.",
                "Client name: Deskbridge sync; Unique identifier: for example deskbridge_sync; Client kind: "
                        + "Confidential; Redirect URLs: any https URL of yours (client credentials do not use it).",
                "Click Save and copy the secret: it is shown once.",
                "In sync, Migrate to OAuth: enter the identifier and the secret and click Test and switch. sync asks "
                        + "the account for a token (scope read write), tests it like Test connection, and switches "
                        + "between two pages of the running sync; nothing is re-synced.",
                "Then delete the old API token (" + API_TOKENS_MENU + ").");
    }

    private String base() {
        String base = address.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
