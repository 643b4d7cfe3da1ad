package io.deskbridge.desk.connectors;

import static io.deskbridge.desk.connectors.Replay.Walk.CURSOR_PARAMETER;
import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE;
import static io.deskbridge.desk.connectors.Replay.Walk.PAGE_AFTER_PARAMETER;
import static io.deskbridge.desk.connectors.Replay.Walk.ZENPY_INCREMENTAL;
import static io.deskbridge.desk.connectors.Replay.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.SecretLedger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Singer {@code tap-zendesk} 2.8.0 with zenpy 2.0.24, section 2 of {@code docs/connector-catalog.md}:
 * the OAuth token check, discovery D1–D18 in {@code STREAMS} order (the custom-field lists twice),
 * then every stream's sync. tap-zendesk needs OAuth, so every request carries a Bearer token from a
 * confidential client. The config's {@code page_size} is 2 here (tap allows 1–1000), so the
 * {@code page[after]} walks really walk. tap rebuilds its next URLs from {@code after_cursor}; zenpy
 * follows {@code next_page} verbatim.
 */
class TapZendeskReplayIntegrationTests extends ConnectorReplayTest {

    private static final String SIZE = "page%5Bsize%5D=2";

    static final Map<String, String> KNOWN_GAPS = Map.of();

    @Override
    String authorization() {
        DeskClient api = DeskClient.stateless(baseUrl());
        Response client = api.send("POST", "/api/v2/oauth/clients", ownerAuth(), """
                {"client":{"name":"Singer tap","identifier":"tap-%s","kind":"confidential",
                  "redirect_uri":["https://tap.example.com/callback"]}}""".formatted(UUID.randomUUID()));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        String secret = SecretLedger.issued(client.json().at("/client/secret").asString());
        Response token = api.send(
                "POST",
                "/oauth/tokens",
                null,
                DeskClient.json(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.json().at("/client/identifier").asString(),
                        "client_secret",
                        secret,
                        "scope",
                        "read")));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return "Bearer " + SecretLedger.issued(token.json().path("access_token").asString());
    }

    @Override
    Map<String, String> knownGaps() {
        return KNOWN_GAPS;
    }

    @Override
    List<Replay> steps() {
        return List.of(
                get("oauth: current token", "/api/v2/oauth/tokens/current.json")
                        .records("token", "expires_at:ISO_OR_NULL"),
                get("D1 tickets", "/api/v2/incremental/tickets/cursor.json?start_time={start_float}&per_page=1"),
                get("D2 groups", "/api/v2/groups?per_page=1"),
                customFields("D3 users: user_fields.json", "user_fields"),
                get(
                                "D4 users: search",
                                "/api/v2/search.json?query=%20updated%3E{now_iso_q}"
                                        + "%20updated%3C2000-01-02T00%3A00%3A00Z%20type%3Auser")
                        .records("results", ""),
                customFields("D5 users metadata: user_fields.json again", "user_fields"),
                customFields("D6 organizations: organization_fields.json", "organization_fields"),
                get("D7 organizations", "/api/v2/incremental/organizations.json?start_time={now_iso}")
                        .records("organizations", ""),
                customFields("D8 organizations metadata: organization_fields.json again", "organization_fields"),
                // tap probes ticket 1 and tolerates a 404; the seeded ticket makes the answer deterministic.
                get("D9 ticket_audits", "/api/v2/tickets/{ticket}/audits.json?per_page=1"),
                get("D10 ticket_fields", "/api/v2/ticket_fields?per_page=1"),
                get("D11 ticket_forms (optional)", "/api/v2/ticket_forms.json").records("ticket_forms", "id:INT"),
                get("D12 group_memberships", "/api/v2/group_memberships?per_page=1"),
                get("D13 macros", "/api/v2/macros?per_page=1"),
                get("D14 satisfaction_ratings (optional)", "/api/v2/satisfaction_ratings?per_page=1"),
                get("D15 tags", "/api/v2/tags?per_page=1"),
                get("D16 ticket_metric_events", "/api/v2/incremental/ticket_metric_events.json?start_time={now}")
                        .records("ticket_metric_events", ""),
                get("D17 sla_policies (optional)", "/api/v2/slas/policies.json").records("sla_policies", "id:INT"),
                // An account without Talk: 403 with the one JSON body TalkPhoneNumbers.check_access turns into
                // ZendeskForbiddenError, so discovery drops the optional stream and goes on (see desk's talk/).
                get("D18 talk_phone_numbers (optional, Talk)", "/api/v2/channels/voice/phone_numbers.json")
                        .status(403)
                        .records("error", "title:STRING message:STRING")
                        .also(errors -> assertThat(errors.get(0).path("message").asString())
                                .isEqualTo("Access to this resource is restricted. Please contact the account"
                                        + " administrator for assistance.")),
                get("tickets", "/api/v2/incremental/tickets/cursor.json?start_time={start_float}&include=metric_sets")
                        .walk(CURSOR_PARAMETER)
                        .resend("&include=metric_sets")
                        .records("tickets", "id:INT generated_timestamp:INT fields:ARRAY status:STRING")
                        .nonEmpty()
                        .also(tickets -> assertThat(tickets)
                                .as("live tickets carry an embedded metric_set")
                                .anyMatch(t -> t.path("metric_set").path("id").isIntegralNumber())),
                get("ticket_audits (and comments)", "/api/v2/tickets/{ticket}/audits.json?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .page("meta/has_more:BOOL audits:ARRAY")
                        .records("audits", "id:INT created_at:ISO via:OBJECT metadata:OBJECT events:ARRAY")
                        .nonEmpty()
                        .also(audits -> assertThat(audits.stream()
                                        .flatMap(a -> StreamSupport.stream(
                                                a.path("events").spliterator(), false))
                                        .filter(e -> e.path("type").isString())
                                        .filter(e ->
                                                "Comment".equals(e.path("type").asString())))
                                .as("Comment events in the audits")
                                .hasSizeGreaterThanOrEqualTo(2)),
                get("groups", "/api/v2/groups?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("groups", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("users", "/api/v2/incremental/users/cursor.json?start_time={start}")
                        .walk(CURSOR_PARAMETER)
                        .records("users", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("organizations", "/api/v2/incremental/organizations.json?start_time={start}")
                        .walk(ZENPY_INCREMENTAL)
                        .records("organizations", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_fields", "/api/v2/ticket_fields?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("ticket_fields", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_forms", "/api/v2/ticket_forms.json")
                        .walk(NEXT_PAGE)
                        .records("ticket_forms", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("group_memberships", "/api/v2/group_memberships?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("group_memberships", "id:INT updated_at:ISO_OR_NULL")
                        .nonEmpty(),
                get("macros", "/api/v2/macros?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("macros", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("satisfaction_ratings", "/api/v2/satisfaction_ratings?" + SIZE + "&start_time={start}")
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("satisfaction_ratings", "id:INT updated_at:ISO"),
                get("tags", "/api/v2/tags?" + SIZE)
                        .walk(PAGE_AFTER_PARAMETER)
                        .records("tags", "name:STRING")
                        .nonEmpty(),
                get("ticket_metric_events", "/api/v2/incremental/ticket_metric_events.json?start_time={start}")
                        .walk(ZENPY_INCREMENTAL)
                        .records("ticket_metric_events", "id:INT time:ISO")
                        .nonEmpty(),
                get("sla_policies", "/api/v2/slas/policies.json")
                        .walk(NEXT_PAGE)
                        .records("sla_policies", "id:INT")
                        .nonEmpty());
    }

    /** zenpy's custom-field list: key, type among tap's known types, title; dropdowns list their options. */
    private static Replay customFields(String name, String key) {
        return get(name, "/api/v2/" + key + ".json")
                .walk(NEXT_PAGE)
                .records(key, "key:STRING type:STRING title:STRING")
                .nonEmpty()
                .also(fields -> {
                    for (JsonNode field : fields) {
                        assertThat(field.path("type").asString())
                                .as("type tap-zendesk maps to a schema")
                                .isIn(
                                        "text",
                                        "textarea",
                                        "date",
                                        "regexp",
                                        "dropdown",
                                        "integer",
                                        "decimal",
                                        "checkbox",
                                        "lookup",
                                        "multiselect");
                        if (field.path("type").asString().equals("dropdown")) {
                            Replay.assertFields(field, "custom_field_options:ARRAY", name);
                            field.path("custom_field_options")
                                    .forEach(o -> Replay.assertFields(o, "value:STRING", name));
                        }
                    }
                });
    }
}
