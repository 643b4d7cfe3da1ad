package io.deskbridge.desk.connectors;

import static io.deskbridge.desk.connectors.Replay.Walk.LINKS_NEXT;
import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE;
import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE_UNTIL_END_OF_STREAM;
import static io.deskbridge.desk.connectors.Replay.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * dlt {@code verified-sources} {@code sources/zendesk} ({@code zendesk_support}, {@code load_all=True}),
 * section 3 of {@code docs/connector-catalog.md}. There is no check: the resources run in the order
 * of {@code __init__.py} — ticket fields, ticket events, tickets (after reading the ticket fields
 * again), ticket metric events — then {@code SUPPORT_ENDPOINTS} and {@code SUPPORT_EXTRA_ENDPOINTS}.
 * Later pages are the next URL verbatim with no parameters added. CURSOR mode reads
 * {@code meta.has_more} and {@code links.next} strictly, STREAM mode {@code end_of_stream} and
 * {@code next_page}; any 4xx fails the whole pipeline.
 */
class DltZendeskReplayIntegrationTests extends ConnectorReplayTest {

    private static final String SIZE = "page%5Bsize%5D=100";

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
        List<Replay> steps = new ArrayList<>(List.of(
                ticketFields("ticket_fields"),
                get("ticket_events", "/api/v2/incremental/ticket_events.json?start_time={start}&per_page=1000")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .records("ticket_events", "id:INT timestamp:INT")
                        .nonEmpty(),
                ticketFields("tickets: ticket fields state"),
                get("tickets", "/api/v2/incremental/tickets?start_time={start}&per_page=1000")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .records(
                                "tickets",
                                "id:INT custom_fields:ARRAY fields:ARRAY updated_at:ISO created_at:ISO due_at:ISO_OR_NULL")
                        .nonEmpty()
                        .also(tickets -> tickets.forEach(t -> t.path("custom_fields")
                                .forEach(v -> Replay.assertFields(v, "id:INT value:PRESENT", "custom_fields")))),
                get("ticket_metric_events", "/api/v2/incremental/ticket_metric_events?start_time={start}&" + SIZE)
                        .walk(LINKS_NEXT)
                        .records("ticket_metric_events", "id:INT time:ISO")
                        .nonEmpty(),
                cursor("users", "/api/v2/users.json", "users").nonEmpty(),
                offset("sla_policies", "/api/v2/slas/policies.json", "sla_policies")
                        .nonEmpty(),
                cursor("groups", "/api/v2/groups.json", "groups").nonEmpty(),
                cursor("organizations", "/api/v2/organizations.json", "organizations")
                        .nonEmpty(),
                cursor("brands", "/api/v2/brands.json", "brands").nonEmpty()));
        steps.addAll(List.of(
                cursor("activities", "/api/v2/activities.json", "activities"),
                cursor("automations", "/api/v2/automations.json", "automations").nonEmpty(),
                offset("custom_agent_roles", "/api/v2/custom_roles.json", "custom_roles")
                        .nonEmpty(),
                cursor("dynamic_content", "/api/v2/dynamic_content/items.json", "items")
                        .nonEmpty(),
                cursor("group_memberships", "/api/v2/group_memberships.json", "group_memberships")
                        .nonEmpty(),
                cursor("job_status", "/api/v2/job_statuses.json", "job_statuses"),
                cursor("macros", "/api/v2/macros.json", "macros").nonEmpty(),
                cursor("organization_fields", "/api/v2/organization_fields.json", "organization_fields")
                        .nonEmpty(),
                cursor("organization_memberships", "/api/v2/organization_memberships.json", "organization_memberships")
                        .nonEmpty(),
                cursor("recipient_addresses", "/api/v2/recipient_addresses.json", "recipient_addresses")
                        .nonEmpty(),
                cursor("requests", "/api/v2/requests.json", "requests"),
                cursor("satisfaction_ratings", "/api/v2/satisfaction_ratings.json", "satisfaction_ratings"),
                offset("sharing_agreements", "/api/v2/sharing_agreements.json", "sharing_agreements"),
                cursor("skips", "/api/v2/skips.json", "skips"),
                cursor("suspended_tickets", "/api/v2/suspended_tickets.json", "suspended_tickets"),
                offset("targets", "/api/v2/targets.json", "targets"),
                offset("ticket_forms", "/api/v2/ticket_forms.json", "ticket_forms")
                        .nonEmpty(),
                cursor("ticket_metrics", "/api/v2/ticket_metrics.json", "ticket_metrics")
                        .nonEmpty(),
                cursor("triggers", "/api/v2/triggers.json", "triggers").nonEmpty(),
                cursor("user_fields", "/api/v2/user_fields.json", "user_fields").nonEmpty(),
                cursor("views", "/api/v2/views.json", "views").nonEmpty(),
                cursor("tags", "/api/v2/tags.json", "tags").nonEmpty()));
        return steps;
    }

    /** CURSOR mode: {@code page[size]=100}, then {@code links.next} while {@code meta.has_more}. */
    private static Replay cursor(String name, String path, String key) {
        return get(name, path + "?" + SIZE)
                .walk(LINKS_NEXT)
                .page("meta/has_more:BOOL")
                .records(key, "");
    }

    /** OFFSET mode: no parameters, then {@code next_page} until it is null. */
    private static Replay offset(String name, String path, String key) {
        return get(name, path).walk(NEXT_PAGE).records(key, "");
    }

    /** The first resource: id and title of each field; options, when the key is there, a list of value/name. */
    private static Replay ticketFields(String name) {
        return offset(name, "/api/v2/ticket_fields.json", "ticket_fields")
                .records("ticket_fields", "id:INT title:STRING")
                .nonEmpty()
                .also(fields -> {
                    for (JsonNode field : fields) {
                        if (field.has("custom_field_options")) {
                            assertThat(field.path("custom_field_options").isArray())
                                    .as("custom_field_options of field %s is a list, never null", field.path("id"))
                                    .isTrue();
                            field.path("custom_field_options")
                                    .forEach(o -> Replay.assertFields(o, "value:STRING name:STRING", name));
                        }
                    }
                });
    }
}
