package io.deskbridge.desk.connectors;

import static io.deskbridge.desk.connectors.Replay.Walk.AFTER_URL;
import static io.deskbridge.desk.connectors.Replay.Walk.BEFORE_URL;
import static io.deskbridge.desk.connectors.Replay.Walk.LINKS_NEXT;
import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE;
import static io.deskbridge.desk.connectors.Replay.Walk.NEXT_PAGE_UNTIL_END_OF_STREAM;
import static io.deskbridge.desk.connectors.Replay.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Airbyte {@code source-zendesk-support} (manifest 5.2–5.4 and the ≥5.5 tickets stream), section 1 of
 * {@code docs/connector-catalog.md}: the {@code CheckStream} on {@code tags}, then every Support
 * stream with its first-page parameters (encoded as Python requests sends them), its paginator
 * (P1–P7) and the fields the manifest reads without a default, the cursor field of every
 * incremental and client-filtered stream included. P1/P3 re-send the page size and the request
 * parameters next to the next-page URL; P4/P5 do not.
 */
class AirbyteZendeskSupportReplayIntegrationTests extends ConnectorReplayTest {

    private static final String SIZE = "page%5Bsize%5D=100";

    static final Map<String, String> KNOWN_GAPS = Map.of();

    @Override
    String authorization() {
        return DeskClient.tokenAuth(
                OWNER_EMAIL,
                issueToken(
                        owner(),
                        io.deskbridge.desk.apitoken.TokenScope.FULL,
                        io.deskbridge.desk.apitoken.AuthenticatesAs.OWNER_ONLY));
    }

    @Override
    Map<String, String> knownGaps() {
        return KNOWN_GAPS;
    }

    @Override
    List<Replay> steps() {
        return List.of(
                get("check: CheckStream tags", "/api/v2/tags?" + SIZE)
                        .records("tags", "name:STRING count:INT")
                        .nonEmpty(),
                get("account_attributes", "/api/v2/routing/attributes?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("attributes", "id:STRING"),
                get("attribute_definitions", "/api/v2/routing/attributes/definitions?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("definitions", "conditions_all:ARRAY conditions_any:ARRAY"),
                get("brands", "/api/v2/brands?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("brands", "id:INT")
                        .nonEmpty(),
                get("user_fields", "/api/v2/user_fields?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("user_fields", "id:INT")
                        .nonEmpty(),
                get("tags", "/api/v2/tags?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("tags", "name:STRING")
                        .nonEmpty()
                        .also(tags -> assertThat(tags)
                                .as("more than one page of tags")
                                .hasSizeGreaterThan(100)),
                get("automations", "/api/v2/automations?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("automations", "id:INT")
                        .nonEmpty(),
                get("deleted_tickets", "/api/v2/deleted_tickets?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("deleted_tickets", "id:INT")
                        .nonEmpty(),
                get(
                                "audit_logs",
                                "/api/v2/audit_logs?filter%5Bcreated_at%5D%5B%5D={ago_3650_iso_q}"
                                        + "&filter%5Bcreated_at%5D%5B%5D={now_iso_q}&sort=created_at&" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend("sort=created_at&" + SIZE)
                        .records("audit_logs", "id:INT created_at:ISO")
                        .nonEmpty(),
                get("custom_roles", "/api/v2/custom_roles")
                        .walk(NEXT_PAGE)
                        .records("custom_roles", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("group_memberships", "/api/v2/group_memberships?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("group_memberships", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("groups", "/api/v2/groups?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("groups", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("macros", "/api/v2/macros?sort_by=created_at&sort_order=asc&" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend("sort_by=created_at&sort_order=asc&" + SIZE)
                        .records("macros", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("organization_fields", "/api/v2/organization_fields?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("organization_fields", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("organization_memberships", "/api/v2/organization_memberships?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("organization_memberships", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("organizations", "/api/v2/incremental/organizations?start_time={start}")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .page("end_time:INT count:INT")
                        .records("organizations", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("satisfaction_ratings", "/api/v2/satisfaction_ratings?start_time={start}&sort=created_at&" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend("start_time={start}&sort=created_at&" + SIZE)
                        .records("satisfaction_ratings", "id:INT updated_at:ISO"),
                get("schedules", "/api/v2/business_hours/schedules.json?" + SIZE)
                        .walk(NEXT_PAGE)
                        .resend(SIZE)
                        .records("schedules", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("sla_policies", "/api/v2/slas/policies.json")
                        .walk(NEXT_PAGE)
                        .records("sla_policies", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_activities", "/api/v2/activities?sort=created_at&sort_by=created_at&sort_order=asc&" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend("sort=created_at&sort_by=created_at&sort_order=asc&" + SIZE)
                        .records("activities", "id:INT updated_at:ISO"),
                get("ticket_audits", "/api/v2/ticket_audits?sort_by=created_at&sort_order=desc&limit=200")
                        .walk(BEFORE_URL)
                        .resend("sort_by=created_at&sort_order=desc&limit=200")
                        .records("audits", "id:INT created_at:ISO")
                        .nonEmpty(),
                get(
                                "ticket_comments",
                                "/api/v2/incremental/ticket_events.json?start_time={start}&include=comment_events"
                                        + "&per_page=100")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .records("ticket_events", "id:INT ticket_id:INT timestamp:INT")
                        .nonEmpty()
                        .also(events -> assertThat(events.stream()
                                        .flatMap(e -> StreamSupport.stream(
                                                e.path("child_events").spliterator(), false))
                                        .filter(c -> "Comment"
                                                .equals(c.path("event_type").asString()))
                                        .filter(c -> Replay.Kind.ISO.accepts(c.path("created_at"))
                                                && c.path("id").isIntegralNumber()))
                                .as("Comment child events with id and created_at")
                                .isNotEmpty()),
                get("ticket_events", "/api/v2/incremental/ticket_events.json?start_time={start}")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .records("ticket_events", "id:INT timestamp:INT")
                        .nonEmpty(),
                get("tickets", "/api/v2/incremental/tickets/cursor.json?start_time={start}")
                        .walk(AFTER_URL)
                        .records("tickets", "id:INT generated_timestamp:INT")
                        .nonEmpty(),
                get("side_conversations", "/api/v2/tickets/{ticket}/side_conversations?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("side_conversations", "id:STRING updated_at:ISO"),
                get(
                                "tickets_search",
                                "/api/v2/search/export?query=updated_at%3E%3D{ago_30_iso_q}"
                                        + "%20updated_at%3C%3D{now_iso_q}&filter%5Btype%5D=ticket&" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("results", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_fields", "/api/v2/ticket_fields?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("ticket_fields", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_forms", "/api/v2/ticket_forms")
                        .walk(NEXT_PAGE)
                        .records("ticket_forms", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_metric_events", "/api/v2/incremental/ticket_metric_events?start_time={start}")
                        .walk(NEXT_PAGE_UNTIL_END_OF_STREAM)
                        .records("ticket_metric_events", "id:INT time:ISO")
                        .nonEmpty(),
                get("ticket_metrics (full refresh)", "/api/v2/ticket_metrics?" + SIZE)
                        .walk(LINKS_NEXT)
                        .resend(SIZE)
                        .records("ticket_metrics", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("ticket_metrics (per ticket, with state)", "/api/v2/tickets/{ticket}/metrics")
                        .records("ticket_metric", "id:INT updated_at:ISO"),
                get("triggers", "/api/v2/triggers?per_page=100")
                        .walk(NEXT_PAGE)
                        .resend("per_page=100")
                        .records("triggers", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("users", "/api/v2/incremental/users/cursor.json?start_time={start}")
                        .walk(AFTER_URL)
                        .records("users", "id:INT updated_at:ISO")
                        .nonEmpty(),
                get("user_identities", "/api/v2/incremental/users/cursor.json?start_time={start}&include=identities")
                        .walk(AFTER_URL)
                        .records("identities", "id:INT updated_at:ISO")
                        .nonEmpty());
    }
}
