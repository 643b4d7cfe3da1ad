package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Which tickets a list or a search wants, typed: the repository turns it into SQL. All criteria must
 * hold (AND); a criterion may be negated.
 *
 * @param deleted the soft-deleted tickets instead of the live ones
 */
public record TicketFilter(boolean deleted, List<Criterion> criteria) {

    public TicketFilter {
        criteria = List.copyOf(criteria);
    }

    public static final TicketFilter LIVE = new TicketFilter(false, List.of());
    public static final TicketFilter DELETED = new TicketFilter(true, List.of());

    public static TicketFilter live(List<Criterion> criteria) {
        return new TicketFilter(false, criteria);
    }

    /** The ticket columns a criterion may compare. */
    public enum UserField {
        REQUESTER,
        ASSIGNEE,
        SUBMITTER
    }

    public enum TimeField {
        CREATED,
        UPDATED,
        DUE
    }

    /** One end of a time range. */
    public record Bound(Instant at, boolean inclusive) {}

    public sealed interface Criterion {}

    public record Not(Criterion criterion) implements Criterion {}

    /** Matches nothing (e.g. {@code requester:} an email nobody has). */
    public record Nothing() implements Criterion {}

    public record StatusIn(List<String> statuses) implements Criterion {}

    public record PriorityIn(List<String> priorities) implements Criterion {}

    public record TypeIs(String type) implements Criterion {}

    /** {@code userId} null: the field is empty ({@code assignee:none}). */
    public record UserIs(UserField field, Long userId) implements Criterion {}

    /** {@code organizationId} null: no organization. */
    public record OrganizationIs(Long organizationId) implements Criterion {}

    /** {@code groupId} null: no group. */
    public record GroupIs(Long groupId) implements Criterion {}

    public record HasTag(String tag) implements Criterion {}

    /** The user is among the ticket's {@code collaborator_ids} (CCs). */
    public record CollaboratorIs(long userId) implements Criterion {}

    public record ExternalIdIs(String externalId) implements Criterion {}

    /** {@code from} and/or {@code until} (null: open). */
    public record TimeRange(TimeField field, Bound from, Bound until) implements Criterion {}

    /** Every word is in the ticket's indexed text ({@code word*}: a prefix). */
    public record Words(List<String> words) implements Criterion {}

    /** The subject or a comment contains the phrase (checked after {@link Words} narrowed the rows). */
    public record Phrase(String phrase) implements Criterion {}
}
