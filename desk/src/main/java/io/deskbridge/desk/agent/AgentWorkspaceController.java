package io.deskbridge.desk.agent;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.businessrule.BusinessRule;
import io.deskbridge.desk.businessrule.BusinessRules;
import io.deskbridge.desk.businessrule.RuleKind;
import io.deskbridge.desk.group.Group;
import io.deskbridge.desk.group.Groups;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.TicketComment;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketWrite;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.ticket.ViaChannel;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent workspace: the ticket list, a ticket's page and the new-ticket form. Every write goes
 * through {@link Tickets}, the facade the API uses, as the signed-in user and through the {@code web}
 * channel, so audits, exports and webhooks see it as they see an API change. A refused write (a closed
 * ticket, a bad value) re-renders the page with the facade's message and changes nothing.
 */
@Controller
class AgentWorkspaceController {

    static final int PAGE_SIZE = 25;
    /** More comments than any ticket a tester makes; the page says when some are not shown. */
    static final int MAX_COMMENTS = 500;

    private static final int MAX_STAFF = 500;
    private static final int MAX_GROUPS = 500;

    private final Tickets tickets;
    private final Users users;
    private final Groups groups;
    private final Organizations organizations;
    private final BusinessRules businessRules;

    AgentWorkspaceController(
            Tickets tickets, Users users, Groups groups, Organizations organizations, BusinessRules businessRules) {
        this.businessRules = businessRules;
        this.tickets = tickets;
        this.users = users;
        this.groups = groups;
        this.organizations = organizations;
    }

    /** A row of the ticket list, names resolved. */
    record Row(Ticket ticket, String requester, String assignee, String group) {}

    @GetMapping({"/agent", "/agent/"})
    String home() {
        return "redirect:/agent/tickets";
    }

    @GetMapping("/agent/tickets")
    String list(
            @ModelAttribute("filters") TicketListFilters filters,
            @AuthenticationPrincipal DeskPrincipal me,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("staff", users.staff(MAX_STAFF));
        model.addAttribute("groups", groupList());
        model.addAttribute("statuses", TicketForms.STATUSES);
        List<BusinessRule> views = businessRules.all(RuleKind.VIEW).stream()
                .filter(BusinessRule::active)
                .toList();
        model.addAttribute("views", views);
        TicketFilter filter;
        try {
            List<TicketFilter.Criterion> viewCriteria = List.of();
            Long viewId = filters.viewId();
            if (viewId != null) {
                BusinessRule view = businessRules.get(RuleKind.VIEW, viewId);
                ViewConditions.Plan plan = ViewConditions.plan(view.conditions(), me.userId());
                if (plan.unsupported() != null) {
                    throw new TicketListFilters.InvalidFilterException(
                            "The view \"" + view.title() + "\" cannot be run here: " + plan.unsupported());
                }
                viewCriteria = plan.criteria();
            }
            filter = filters.toFilter(me.userId(), viewCriteria);
        } catch (TicketListFilters.InvalidFilterException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", List.of(e.getMessage()));
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
            return "agent/tickets";
        }
        long total = tickets.count(filter);
        int offset = (filters.page() - 1) * PAGE_SIZE;
        List<Ticket> page = tickets.page(
                filter,
                PageQuery.offset(
                        new KeysetSort("updated_at", filters.newestFirst(), KeysetSort.Kind.TIMESTAMP),
                        offset,
                        PAGE_SIZE));
        Set<Long> userIds = new LinkedHashSet<>();
        page.forEach(t -> {
            userIds.add(t.requesterId());
            if (t.assigneeId() != null) {
                userIds.add(t.assigneeId());
            }
        });
        Map<Long, String> names = names(users.findAll(userIds));
        Map<Long, String> groupNames = groupNames();
        model.addAttribute(
                "rows",
                page.stream()
                        .map(t -> new Row(
                                t,
                                names.get(t.requesterId()),
                                t.assigneeId() == null ? null : names.get(t.assigneeId()),
                                t.groupId() == null ? null : groupNames.get(t.groupId())))
                        .toList());
        model.addAttribute("total", total);
        model.addAttribute("from", total == 0 ? 0 : offset + 1);
        model.addAttribute("to", offset + page.size());
        model.addAttribute("hasPrevious", filters.page() > 1);
        model.addAttribute("hasNext", offset + page.size() < total);
        return "agent/tickets";
    }

    @GetMapping("/agent/tickets/{id}")
    String show(@PathVariable long id, Model model) {
        Ticket ticket = tickets.get(id);
        return ticketPage(ticket, TicketForms.UpdateForm.of(ticket), model);
    }

    @PostMapping("/agent/tickets/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute TicketForms.UpdateForm form,
            @AuthenticationPrincipal DeskPrincipal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Ticket current = tickets.get(id);
        try {
            TicketChanges changes = TicketForms.changes(form, current);
            if (changes.equals(TicketChanges.none())) {
                redirect.addFlashAttribute("notice", "Nothing to save: no comment and no field changed.");
            } else {
                tickets.update(me, id, changes, ViaChannel.WEB);
                redirect.addFlashAttribute("notice", "Ticket #" + id + " updated.");
            }
            return "redirect:/agent/tickets/" + id;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", problems(e));
            return ticketPage(tickets.get(id), form, model);
        }
    }

    @GetMapping("/agent/tickets/new")
    String newTicket(Model model) {
        return newTicketPage(TicketForms.NewTicketForm.empty(), model);
    }

    @PostMapping("/agent/tickets")
    String create(
            @ModelAttribute TicketForms.NewTicketForm form,
            @AuthenticationPrincipal DeskPrincipal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            TicketWrite created = tickets.create(me, TicketForms.changes(form), ViaChannel.WEB);
            long id = created.ticket().id();
            redirect.addFlashAttribute("notice", "Ticket #" + id + " created.");
            return "redirect:/agent/tickets/" + id;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", problems(e));
            return newTicketPage(form, model);
        }
    }

    @ExceptionHandler(RecordNotFoundException.class)
    String notFound(RecordNotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", e.getMessage());
        return "agent/not-found";
    }

    private String ticketPage(Ticket ticket, TicketForms.UpdateForm form, Model model) {
        List<TicketComment> comments =
                tickets.comments(ticket.id(), PageQuery.offset(KeysetSort.byId(false), 0, MAX_COMMENTS));
        var audits = tickets.audits(ticket.id());
        List<UserAccount> staff = users.staff(MAX_STAFF);
        Set<Long> userIds = new LinkedHashSet<>();
        userIds.add(ticket.requesterId());
        userIds.add(ticket.submitterId());
        if (ticket.assigneeId() != null) {
            userIds.add(ticket.assigneeId());
        }
        comments.forEach(c -> userIds.add(c.authorId()));
        audits.forEach(a -> {
            if (a.authorId() != null) {
                userIds.add(a.authorId());
            }
        });
        List<UserAccount> people = new ArrayList<>(users.findAll(userIds));
        people.addAll(staff);
        Map<Long, String> names = names(people);
        Map<Long, String> groupNames = groupNames();
        model.addAttribute("ticket", ticket);
        model.addAttribute(
                "requester",
                people.stream()
                        .filter(u -> u.id() == ticket.requesterId())
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "organization",
                ticket.organizationId() == null
                        ? null
                        : organizations
                                .find(ticket.organizationId())
                                .map(Organization::name)
                                .orElse(null));
        model.addAttribute("assigneeName", ticket.assigneeId() == null ? null : names.get(ticket.assigneeId()));
        model.addAttribute("groupName", ticket.groupId() == null ? null : groupNames.get(ticket.groupId()));
        model.addAttribute("conversation", TicketPageModel.conversation(comments, names));
        model.addAttribute("moreComments", comments.size() == MAX_COMMENTS);
        model.addAttribute("audits", TicketPageModel.audits(audits, names, groupNames));
        model.addAttribute("form", form);
        model.addAttribute("staff", staff);
        model.addAttribute("groups", groupList());
        model.addAttribute("statuses", TicketForms.STATUSES);
        model.addAttribute("priorities", TicketForms.PRIORITIES);
        model.addAttribute("types", TicketForms.TYPES);
        return "agent/ticket";
    }

    private String newTicketPage(TicketForms.NewTicketForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("staff", users.staff(MAX_STAFF));
        model.addAttribute("groups", groupList());
        model.addAttribute("statuses", TicketForms.STATUSES);
        model.addAttribute("priorities", TicketForms.PRIORITIES);
        model.addAttribute("types", TicketForms.TYPES);
        return "agent/new";
    }

    private List<Group> groupList() {
        return groups.page(PageQuery.offset(KeysetSort.byId(false), 0, MAX_GROUPS));
    }

    private Map<Long, String> groupNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        groupList().forEach(g -> names.put(g.id(), g.name()));
        return names;
    }

    private static Map<Long, String> names(Collection<UserAccount> people) {
        Map<Long, String> names = new LinkedHashMap<>();
        people.forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    /** The facade's messages, one per broken rule, as the API's error body lists them. */
    private static List<String> problems(ApiException e) {
        if (e instanceof RecordInvalidException invalid) {
            List<String> problems = new ArrayList<>();
            invalid.details().values().forEach(list -> list.forEach(p -> problems.add(p.get("description"))));
            return problems;
        }
        return List.of(e.getMessage());
    }
}
