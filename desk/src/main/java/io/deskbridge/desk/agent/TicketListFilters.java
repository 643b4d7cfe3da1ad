package io.deskbridge.desk.agent;

import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.Criterion;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The filters of the ticket list as the page's form sends them; every value is optional (blank: any).
 *
 * @param status a status, {@code unsolved} (new, open, pending, hold) or blank
 * @param assignee {@code me}, {@code none}, a user id, or blank
 * @param group {@code none}, a group id, or blank
 * @param tag one tag
 * @param q words that must all be in the ticket's subject, comments, tags or external id (the search
 *     index the API's search uses)
 * @param sort {@code updated_desc} (default) or {@code updated_asc}
 * @param view the id of an API view whose conditions also apply ({@link ViewConditions}), or blank
 */
record TicketListFilters(
        String status, String assignee, String group, String tag, String q, String sort, Integer page, String view) {

    static final List<String> UNSOLVED = List.of("new", "open", "pending", "hold");

    TicketListFilters {
        status = blankToNull(status);
        assignee = blankToNull(assignee);
        group = blankToNull(group);
        tag = blankToNull(tag);
        q = blankToNull(q);
        sort = "updated_asc".equals(sort) ? "updated_asc" : "updated_desc";
        page = page == null || page < 1 ? 1 : page;
        view = blankToNull(view);
    }

    /** The chosen view's id; a value that is no id is refused. */
    Long viewId() {
        return view == null ? null : id("view", view);
    }

    boolean newestFirst() {
        return !"updated_asc".equals(sort);
    }

    /** The typed ticket filter: every given filter must hold; a value that is not one is refused. */
    TicketFilter toFilter(long me) {
        return toFilter(me, List.of());
    }

    /** {@link #toFilter(long)} plus a view's criteria. */
    TicketFilter toFilter(long me, List<Criterion> viewCriteria) {
        List<Criterion> criteria = new ArrayList<>(viewCriteria);
        if (status != null) {
            if ("unsolved".equals(status)) {
                criteria.add(new TicketFilter.StatusIn(UNSOLVED));
            } else if (TicketForms.STATUSES.contains(status)) {
                criteria.add(new TicketFilter.StatusIn(List.of(status)));
            } else {
                throw new InvalidFilterException("status", status);
            }
        }
        if (assignee != null) {
            criteria.add(
                    switch (assignee) {
                        case "me" -> new TicketFilter.UserIs(UserField.ASSIGNEE, me);
                        case "none" -> new TicketFilter.UserIs(UserField.ASSIGNEE, null);
                        default -> new TicketFilter.UserIs(UserField.ASSIGNEE, id("assignee", assignee));
                    });
        }
        if (group != null) {
            criteria.add(new TicketFilter.GroupIs("none".equals(group) ? null : id("group", group)));
        }
        if (tag != null) {
            criteria.add(new TicketFilter.HasTag(tag.strip().toLowerCase(Locale.ROOT)));
        }
        if (q != null) {
            criteria.add(new TicketFilter.Words(Arrays.stream(q.strip().split("\\s+"))
                    .map(w -> w.toLowerCase(Locale.ROOT))
                    .toList()));
        }
        return TicketFilter.live(criteria);
    }

    private static long id(String filter, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidFilterException(filter, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter value the list does not know; the page says which. */
    static final class InvalidFilterException extends RuntimeException {

        InvalidFilterException(String filter, String value) {
            super("The " + filter + " filter does not accept \"" + value + "\"");
        }

        InvalidFilterException(String message) {
            super(message);
        }
    }
}
