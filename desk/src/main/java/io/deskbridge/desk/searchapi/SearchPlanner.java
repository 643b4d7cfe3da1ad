package io.deskbridge.desk.searchapi;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.OrganizationFilter;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.Bound;
import io.deskbridge.desk.ticket.TicketFilter.Criterion;
import io.deskbridge.desk.ticket.TicketFilter.TimeField;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserFilter;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Turns a parsed search query into typed criteria for the ticket repository: {@code status<solved}
 * becomes the statuses ranked below solved, {@code requester:me} the caller's id, an unknown email
 * matches nothing, {@code created>4hours} a time bound computed from the injected clock.
 * {@code created_at}/{@code updated_at} are read as {@code created}/{@code updated}: Airbyte's tickets
 * search stream sends {@code updated_at>=2026-01-24T12:00:00Z updated_at<=...} and Zendesk answers it.
 */
@Service
class SearchPlanner {

    /** The earliest time a relative age reaches: before anything desk stores, within every database's range. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** Dates outside the years 1 to 9999 are refused: not every database stores them. */
    static final Instant FIRST_DATE = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern RELATIVE = Pattern.compile("(\\d+)(minute|hour|day|week|month|year)s?");
    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private final Clock clock;
    private final Function<String, Optional<Long>> userByEmail;
    private final Function<String, Optional<Long>> organizationByName;

    @Autowired
    SearchPlanner(Clock clock, Users users, Organizations organizations) {
        this(
                clock,
                email -> users.findByEmail(email).map(UserAccount::id),
                name -> organizations.findByName(name).map(Organization::id));
    }

    SearchPlanner(
            Clock clock,
            Function<String, Optional<Long>> userByEmail,
            Function<String, Optional<Long>> organizationByName) {
        this.clock = clock;
        this.userByEmail = userByEmail;
        this.organizationByName = organizationByName;
    }

    /** The ticket filter of a query: live tickets only, every condition ANDed. */
    TicketFilter tickets(SearchQuery query, long callerId) {
        List<Criterion> criteria = new ArrayList<>();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            Criterion criterion = switch (c.keyword()) {
                case "status" -> new TicketFilter.StatusIn(ranked("status", STATUSES, c));
                case "priority" -> new TicketFilter.PriorityIn(ranked("priority", PRIORITIES, c));
                case "ticket_type" -> new TicketFilter.TypeIs(c.value().toLowerCase(Locale.ROOT));
                case "requester" -> userRef(UserField.REQUESTER, c.value(), callerId);
                case "assignee" -> userRef(UserField.ASSIGNEE, c.value(), callerId);
                case "submitter" -> userRef(UserField.SUBMITTER, c.value(), callerId);
                case "organization" -> organizationRef(c.value());
                case "group" -> groupRef(c.value());
                case "tags", "tag" -> new TicketFilter.HasTag(c.value().toLowerCase(Locale.ROOT));
                case "external_id" -> new TicketFilter.ExternalIdIs(c.value());
                case "created", "created_at" -> time(TimeField.CREATED, c);
                case "updated", "updated_at" -> time(TimeField.UPDATED, c);
                case "due_date" -> time(TimeField.DUE, c);
                case "subject", "description", "comment" -> {
                    words.add(c.value());
                    yield null;
                }
                default -> {
                    words.add(c.keyword() + c.op() + c.value());
                    yield null;
                }
            };
            if (criterion != null) {
                criteria.add(c.negated() ? new TicketFilter.Not(criterion) : criterion);
            }
        }
        // Phrases go through the index like words, then are checked as phrases in the narrowed rows.
        words.addAll(query.phrases());
        if (!words.isEmpty()) {
            criteria.add(0, new TicketFilter.Words(words));
        }
        query.phrases().forEach(p -> criteria.add(new TicketFilter.Phrase(p)));
        return TicketFilter.live(criteria);
    }

    /** The organization filter of a query. */
    OrganizationFilter organizations(SearchQuery query) {
        List<OrganizationFilter.Criterion> criteria = new ArrayList<>();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            OrganizationFilter.Criterion criterion = switch (c.keyword()) {
                case "external_id" -> new OrganizationFilter.ExternalIdIs(c.value());
                case "created", "created_at" -> organizationTime(OrganizationFilter.TimeField.CREATED, c);
                case "updated", "updated_at" -> organizationTime(OrganizationFilter.TimeField.UPDATED, c);
                case "name", "tags", "tag", "details", "notes" -> {
                    words.add(c.value());
                    yield null;
                }
                default -> {
                    words.add(c.keyword() + c.op() + c.value());
                    yield null;
                }
            };
            if (criterion != null) {
                criteria.add(c.negated() ? new OrganizationFilter.Not(criterion) : criterion);
            }
        }
        words.addAll(query.phrases());
        if (!words.isEmpty()) {
            criteria.add(0, new OrganizationFilter.Words(words));
        }
        query.phrases().forEach(p -> criteria.add(new OrganizationFilter.Phrase(p)));
        return new OrganizationFilter(criteria);
    }

    /** The user filter of a query. */
    UserFilter users(SearchQuery query) {
        List<UserFilter.Criterion> criteria = new ArrayList<>();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            UserFilter.Criterion criterion = switch (c.keyword()) {
                case "role" ->
                    new UserFilter.RoleIn(List.of(Role.fromWireName(c.value().toLowerCase(Locale.ROOT))
                            .orElseThrow(() ->
                                    invalid("role must be end-user, agent or admin (got \"" + c.value() + "\")"))));
                case "email" -> new UserFilter.EmailIs(c.value());
                case "organization" -> userOrganization(c.value());
                case "external_id" -> new UserFilter.ExternalIdIs(c.value());
                case "created", "created_at" -> userTime(UserFilter.TimeField.CREATED, c);
                case "updated", "updated_at" -> userTime(UserFilter.TimeField.UPDATED, c);
                case "name", "tags", "tag", "phone", "notes", "details" -> {
                    words.add(c.value());
                    yield null;
                }
                default -> {
                    words.add(c.keyword() + c.op() + c.value());
                    yield null;
                }
            };
            if (criterion != null) {
                criteria.add(c.negated() ? new UserFilter.Not(criterion) : criterion);
            }
        }
        words.addAll(query.phrases());
        if (!words.isEmpty()) {
            criteria.add(0, new UserFilter.Words(words, UserFilter.NoTerms.IGNORE));
        }
        query.phrases().forEach(p -> criteria.add(new UserFilter.Phrase(p)));
        return new UserFilter(criteria);
    }

    private UserFilter.Criterion userOrganization(String value) {
        if (value.equalsIgnoreCase("none")) {
            return new UserFilter.OrganizationIs(null);
        }
        if (value.matches("\\d{1,18}")) {
            return new UserFilter.OrganizationIs(Long.parseLong(value));
        }
        return organizationByName
                .apply(value)
                .<UserFilter.Criterion>map(UserFilter.OrganizationIs::new)
                .orElse(new UserFilter.Nothing());
    }

    private UserFilter.TimeRange userTime(UserFilter.TimeField field, SearchQuery.Condition c) {
        TicketFilter.TimeRange range = time(TimeField.CREATED, c);
        return new UserFilter.TimeRange(
                field,
                range.from() == null ? null : range.from().at(),
                range.from() != null && range.from().inclusive(),
                range.until() == null ? null : range.until().at(),
                range.until() != null && range.until().inclusive());
    }

    private OrganizationFilter.TimeRange organizationTime(OrganizationFilter.TimeField field, SearchQuery.Condition c) {
        TicketFilter.TimeRange range = time(TimeField.CREATED, c);
        return new OrganizationFilter.TimeRange(
                field,
                range.from() == null ? null : range.from().at(),
                range.from() != null && range.from().inclusive(),
                range.until() == null ? null : range.until().at(),
                range.until() != null && range.until().inclusive());
    }

    private static List<String> ranked(String field, List<String> values, SearchQuery.Condition c) {
        String value = c.value().toLowerCase(Locale.ROOT);
        int rank = values.indexOf(value);
        if (rank < 0) {
            throw invalid(field + " must be one of " + String.join(", ", values) + " (got \"" + c.value() + "\")");
        }
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            boolean keep = switch (c.op()) {
                case "<" -> i < rank;
                case "<=" -> i <= rank;
                case ">" -> i > rank;
                case ">=" -> i >= rank;
                default -> i == rank;
            };
            if (keep) {
                matching.add(values.get(i));
            }
        }
        return matching;
    }

    private Criterion userRef(UserField field, String value, long callerId) {
        if (value.equalsIgnoreCase("me")) {
            return new TicketFilter.UserIs(field, callerId);
        }
        if (value.equalsIgnoreCase("none")) {
            return new TicketFilter.UserIs(field, null);
        }
        if (value.matches("\\d{1,18}")) {
            return new TicketFilter.UserIs(field, Long.parseLong(value));
        }
        return userByEmail
                .apply(value)
                .<Criterion>map(id -> new TicketFilter.UserIs(field, id))
                .orElse(new TicketFilter.Nothing());
    }

    private Criterion organizationRef(String value) {
        if (value.equalsIgnoreCase("none")) {
            return new TicketFilter.OrganizationIs(null);
        }
        if (value.matches("\\d{1,18}")) {
            return new TicketFilter.OrganizationIs(Long.parseLong(value));
        }
        return organizationByName
                .apply(value)
                .<Criterion>map(TicketFilter.OrganizationIs::new)
                .orElse(new TicketFilter.Nothing());
    }

    private static Criterion groupRef(String value) {
        if (value.equalsIgnoreCase("none")) {
            return new TicketFilter.GroupIs(null);
        }
        if (!value.matches("\\d{1,18}")) {
            throw invalid("group takes an id or none (got \"" + value + "\")");
        }
        return new TicketFilter.GroupIs(Long.parseLong(value));
    }

    /**
     * {@code created>2026-01-01} (after that day), {@code updated<2026-01-01T10:00:00Z},
     * {@code created>4hours} (within the last four hours; {@code <4hours}: longer ago).
     */
    TicketFilter.TimeRange time(TimeField field, SearchQuery.Condition c) {
        Matcher relative = RELATIVE.matcher(c.value().toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            Duration unit = switch (relative.group(2)) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "week" -> Duration.ofDays(7);
                case "month" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            Instant since = ago(relative.group(1), unit);
            return switch (c.op()) {
                case ">", ">=", ":" -> new TicketFilter.TimeRange(field, new Bound(since, true), null);
                default -> new TicketFilter.TimeRange(field, null, new Bound(since, false));
            };
        }
        Instant start;
        Instant end;
        try {
            if (c.value().length() == 10) {
                LocalDate day = LocalDate.parse(c.value());
                start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                start = OffsetDateTime.parse(c.value()).toInstant();
                end = start;
            }
        } catch (DateTimeParseException e) {
            throw invalid(c.keyword()
                    + " takes a date (2026-11-27), a date-time (2026-11-27T10:00:00Z) or an age (4hours); got \""
                    + c.value() + "\"");
        }
        if (start.isBefore(FIRST_DATE) || end.isAfter(LATEST)) {
            throw invalid(c.keyword() + " takes a date from 0001-01-01 to 9999-12-31; got \"" + c.value() + "\"");
        }
        boolean instant = start.equals(end);
        return switch (c.op()) {
            case ">" ->
                instant
                        ? new TicketFilter.TimeRange(field, new Bound(start, false), null)
                        : new TicketFilter.TimeRange(field, new Bound(end, true), null);
            case ">=" -> new TicketFilter.TimeRange(field, new Bound(start, true), null);
            case "<" -> new TicketFilter.TimeRange(field, null, new Bound(start, false));
            case "<=" ->
                instant
                        ? new TicketFilter.TimeRange(field, null, new Bound(start, true))
                        : new TicketFilter.TimeRange(field, null, new Bound(end, false));
            default ->
                instant
                        ? new TicketFilter.TimeRange(field, new Bound(start, true), new Bound(start, true))
                        : new TicketFilter.TimeRange(field, new Bound(start, true), new Bound(end, false));
        };
    }

    /**
     * The start of an age ({@code 99999999999999999999hours}): an age older than {@link #EARLIEST}
     * means "since the beginning", so any number of units is answered, never an overflow.
     */
    private Instant ago(String count, Duration unit) {
        Instant now = clock.instant();
        long maxUnits = Duration.between(EARLIEST, now).dividedBy(unit);
        if (count.length() > 18 || Long.parseLong(count) > maxUnits) {
            return EARLIEST;
        }
        return now.minus(unit.multipliedBy(Long.parseLong(count)));
    }

    static BadRequestException invalid(String message) {
        return new BadRequestException("InvalidSearchQuery", message);
    }
}
