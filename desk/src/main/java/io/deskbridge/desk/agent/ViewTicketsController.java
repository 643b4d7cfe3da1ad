package io.deskbridge.desk.agent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.businessrule.BusinessRule;
import io.deskbridge.desk.businessrule.BusinessRules;
import io.deskbridge.desk.businessrule.RuleKind;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An API view's tickets: {@code GET /api/v2/views/{id}/tickets} (the tickets the view's conditions
 * select, paged like {@code /tickets}: offset or cursor) and {@code GET /api/v2/views/{id}/count}
 * ({@code view_count}). It lives here because it runs a view with the agent workspace's planner
 * ({@link ViewConditions}): the same conditions run exactly, for the same caller ({@code current_user}
 * is the caller). A view with a condition the planner cannot say exactly is refused with a 422 naming
 * it, never answered with tickets the view would not show.
 */
@RestController
class ViewTicketsController {

    private static final Map<String, KeysetSort.Kind> SORTS = Map.of(
            "id", KeysetSort.Kind.ID,
            "created_at", KeysetSort.Kind.TIMESTAMP,
            "updated_at", KeysetSort.Kind.TIMESTAMP);

    record ViewTicketsResponse(
            List<TicketJson> tickets, @JsonUnwrapped Paging paging) {}

    record ViewCount(long viewId, String url, long value, String pretty, boolean fresh) {}

    record ViewCountResponse(ViewCount viewCount) {}

    private final BusinessRules rules;
    private final Tickets tickets;
    private final Pager pager;

    ViewTicketsController(BusinessRules rules, Tickets tickets, Pager pager) {
        this.rules = rules;
        this.tickets = tickets;
        this.pager = pager;
    }

    @GetMapping("/api/v2/views/{id}/tickets")
    ViewTicketsResponse tickets(
            @PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal DeskPrincipal caller) {
        TicketFilter filter = filter(id, caller);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Page<TicketJson> page = pager.page(
                        "tickets",
                        request,
                        SORTS,
                        "id",
                        new Pager.Source<Ticket>() {
                            @Override
                            public long count() {
                                return tickets.count(filter);
                            }

                            @Override
                            public List<Ticket> fetch(PageQuery query) {
                                return tickets.page(filter, query);
                            }
                        },
                        Ticket::id,
                        (t, column) -> column.equals("created_at") ? t.createdAt() : t.updatedAt())
                .map(t -> TicketJson.of(t, base));
        return new ViewTicketsResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/views/{id}/count")
    ViewCountResponse count(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        long value = tickets.count(filter(id, caller));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        // Counted at the request, so always fresh.
        return new ViewCountResponse(
                new ViewCount(id, base + "/api/v2/views/" + id + "/count.json", value, Long.toString(value), true));
    }

    private TicketFilter filter(long id, DeskPrincipal caller) {
        BusinessRule view = rules.get(RuleKind.VIEW, id);
        ViewConditions.Plan plan = ViewConditions.plan(view.conditions(), caller == null ? 0 : caller.userId());
        if (plan.unsupported() != null) {
            throw Input.invalid("conditions", "this view cannot be run by desk: " + plan.unsupported());
        }
        return TicketFilter.live(plan.criteria());
    }
}
