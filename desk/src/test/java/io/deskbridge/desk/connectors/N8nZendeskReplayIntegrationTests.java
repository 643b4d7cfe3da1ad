package io.deskbridge.desk.connectors;

import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE;
import static io.deskbridge.desk.connectors.Replay.get;
import static io.deskbridge.desk.connectors.Replay.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import java.util.List;
import java.util.Map;

/**
 * n8n's Zendesk node, its trigger and its API-token credential, section 4 of
 * {@code docs/connector-catalog.md}: the credential test, the pickers, every operation of the node
 * (create → read → update → delete, with the ids it got back) and the trigger's webhook lifecycle.
 * Every path ends in {@code .json} except the webhooks'. {@code zendeskApiRequestAllItems} sends the
 * same query string again on every page next to the full {@code next_page} URL, so parameters arrive
 * twice from page 2 on; arrays go as {@code role[]=a&role[]=b}.
 */
class N8nZendeskReplayIntegrationTests extends ConnectorReplayTest {

    static final Map<String, String> KNOWN_GAPS = Map.of();

    @Override
    String authorization() {
        return DeskClient.tokenAuth(OWNER_EMAIL, issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
    }

    @Override
    Map<String, String> knownGaps() {
        return KNOWN_GAPS;
    }

    @Override
    List<Replay> steps() {
        String searchQs = "query=type%3Aticket%20status%3Apending&sort_by=updated_at&sort_order=desc";
        String rolesQs = "role%5B%5D=end-user&role%5B%5D=agent";
        return List.of(
                get("credential test", "/api/v2/ticket_fields.json"),
                all(
                        "picker getCustomFields",
                        "/api/v2/ticket_fields.json",
                        "",
                        "ticket_fields",
                        "type:STRING title:STRING id:INT"),
                all("picker getGroups", "/api/v2/groups.json", "", "groups", "name:STRING id:INT"),
                all("picker getTags", "/api/v2/tags.json", "", "tags", "name:STRING"),
                all("picker getLocales", "/api/v2/locales.json", "", "locales", "locale:STRING name:STRING"),
                all("picker getUserFields", "/api/v2/user_fields.json", "", "user_fields", "title:STRING key:STRING"),
                all(
                        "picker getOrganizationFields",
                        "/api/v2/organization_fields.json",
                        "",
                        "organization_fields",
                        "title:STRING key:STRING"),
                all("picker getOrganizations", "/api/v2/organizations.json", "", "organizations", "name:STRING id:INT"),
                all("trigger picker getUsers", "/api/v2/users.json", "", "users", "name:STRING id:INT"),
                all(
                        "trigger picker getFields",
                        "/api/v2/ticket_fields.json",
                        "",
                        "ticket_fields",
                        "type:STRING removable:BOOL active:BOOL title:STRING id:INT"),
                send("ticket/create", "POST", "/api/v2/tickets.json", """
                        {"ticket":{"comment":{"body":"Printer on fire"},"type":"incident","external_id":"n8n-{tag}",
                          "subject":"Printer on fire","status":"open","group_id":{group},"tags":["n8n"],
                          "custom_fields":[{"id":{field},"value":"N-1"}]}}""", 201)
                        .records("ticket", "id:INT")
                        .capture("n8n_ticket", "/ticket/id"),
                send("ticket/update", "PUT", "/api/v2/tickets/{n8n_ticket}.json", """
                        {"ticket":{"status":"pending","tags":["n8n","urgent"],"comment":{"body":"On it","public":true}}}
                        """, 200)
                        .records("ticket", "id:INT status:STRING"),
                get("ticket/get", "/api/v2/tickets/{n8n_ticket}.json").records("ticket", "id:INT"),
                all("ticket/getAll", "/api/v2/search.json", searchQs, "results", "id:INT")
                        .nonEmpty(),
                all("ticket/getAll (suspended)", "/api/v2/suspended_tickets.json", searchQs, "suspended_tickets", ""),
                send("ticket/delete", "DELETE", "/api/v2/tickets/{n8n_ticket}.json", null, 204),
                get("ticketField/get", "/api/v2/ticket_fields/{field}.json").records("ticket_field", "id:INT"),
                all("ticketField/getAll (limit 3)", "/api/v2/ticket_fields.json", "limit=3", "ticket_fields", "id:INT")
                        .nonEmpty(),
                send("user/create", "POST", "/api/v2/users.json", """
                        {"user":{"name":"n8n user","email":"n8n-{tag}@replay.test","details":"From n8n",
                          "notes":"VIP","role":"end-user","phone":"+15551234567"}}""", 201)
                        .records("user", "id:INT")
                        .capture("n8n_user", "/user/id"),
                send("user/update", "PUT", "/api/v2/users/{n8n_user}.json", """
                        {"user":{"name":"n8n user renamed","notes":"Very VIP"}}""", 200)
                        .records("user", "id:INT name:STRING"),
                get("user/get", "/api/v2/users/{n8n_user}.json").records("user", "id:INT"),
                all("user/getAll", "/api/v2/users.json", rolesQs, "users", "id:INT")
                        .nonEmpty(),
                get("user/getOrganizations", "/api/v2/users/{user}/organizations.json")
                        .records("organizations", "id:INT")
                        .nonEmpty(),
                all("user/search", "/api/v2/users/search.json", "query=customer", "users", "id:INT")
                        .nonEmpty(),
                get("user/getRelatedData", "/api/v2/users/{user}/related.json").records("user_related", ""),
                send("user/delete", "DELETE", "/api/v2/users/{n8n_user}.json", null, 200)
                        .records("user", "id:INT"),
                send("organization/create", "POST", "/api/v2/organizations.json", """
                        {"organization":{"name":"n8n org {tag}","details":"From n8n",
                          "domain_names":"n8n-{tag}.example.com,n8n-{tag}.example.org","notes":"New","tags":["n8n"]}}""", 201)
                        .records("organization", "id:INT")
                        .capture("n8n_org", "/organization/id"),
                get("organization/count", "/api/v2/organizations/count.json").page("count/value:INT"),
                get("organization/get", "/api/v2/organizations/{org}.json").records("organization", "id:INT"),
                all("organization/getAll", "/api/v2/organizations.json", "per_page=2", "organizations", "id:INT")
                        .nonEmpty(),
                get("organization/getRelatedData", "/api/v2/organizations/{org}/related.json")
                        .records("organization_related", ""),
                send("organization/update", "PUT", "/api/v2/organizations/{org}.json", """
                        {"organization":{"notes":"Updated from n8n","tags":["n8n"]}}""", 200)
                        .records("organization", "id:INT"),
                send("organization/delete (a fresh one)", "POST", "/api/v2/organizations.json", """
                        {"organization":{"name":"n8n doomed {tag}"}}""", 201)
                        .capture("doomed_org", "/organization/id"),
                send("organization/delete", "DELETE", "/api/v2/organizations/{doomed_org}.json", null, 204),
                get("trigger checkExists: webhooks", "/api/v2/webhooks").records("webhooks", ""),
                send("trigger create: webhook", "POST", "/api/v2/webhooks", """
                        {"webhook":{"name":"n8n webhook","endpoint":"https://203.0.113.10/n8n/webhook/{tag}",
                          "http_method":"POST","status":"active","request_format":"json",
                          "subscriptions":["conditional_ticket_events"]}}""", 201)
                        .records("webhook", "id:STRING")
                        .capture("webhook", "/webhook/id"),
                get("trigger create: signing secret", "/api/v2/webhooks/{webhook}/signing_secret")
                        .page("signing_secret/secret:STRING"),
                send("trigger create: trigger", "POST", "/api/v2/triggers.json", """
                        {"trigger":{"title":"n8n-webhook:/webhook/{tag}",
                          "conditions":{"all":[{"field":"update_type","operator":"is","value":"Create"}],"any":[]},
                          "actions":[{"field":"notification_webhook",
                            "value":["{webhook}","{\\"ticket.id\\":\\"{{ticket.id}}\\"}"]}]}}""", 201)
                        .records("trigger", "id:INT")
                        .capture("n8n_trigger", "/trigger/id"),
                all("trigger checkExists: active triggers", "/api/v2/triggers/active.json", "", "triggers", "id:INT")
                        .also(triggers -> assertThat(triggers)
                                .as("the n8n trigger points at its webhook")
                                .anyMatch(
                                        t -> t.at("/actions/0/field").asString().equals("notification_webhook")
                                                && t.at("/actions/0/value/0").isString())),
                send("trigger delete: trigger", "DELETE", "/api/v2/triggers/{n8n_trigger}.json", null, 204),
                all("trigger delete: active triggers", "/api/v2/triggers/active.json", "", "triggers", "id:INT"),
                send("trigger delete: webhook", "DELETE", "/api/v2/webhooks/{webhook}", null, 204));
    }

    /** {@code zendeskApiRequestAllItems}: {@code qs} on the first page and again on every next_page. */
    private static Replay all(String name, String path, String qs, String key, String fields) {
        return get(name, qs.isEmpty() ? path : path + "?" + qs)
                .walk(NEXT_PAGE)
                .resend(qs)
                .records(key, fields);
    }
}
