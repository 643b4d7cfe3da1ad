package io.deskbridge.desk.organization;

import java.time.Instant;
import java.util.List;

/** Which organizations a list or a search wants, typed: the repository turns it into SQL (criteria ANDed). */
public record OrganizationFilter(List<Criterion> criteria) {

    public OrganizationFilter {
        criteria = List.copyOf(criteria);
    }

    public static final OrganizationFilter ALL = new OrganizationFilter(List.of());

    public sealed interface Criterion {}

    public record Not(Criterion criterion) implements Criterion {}

    public record ExternalIdIs(String externalId) implements Criterion {}

    public enum TimeField {
        CREATED,
        UPDATED
    }

    /** {@code from}/{@code until} null: open on that side. */
    public record TimeRange(TimeField field, Instant from, boolean fromInclusive, Instant until, boolean untilInclusive)
            implements Criterion {}

    /** Every word is in the organization's indexed text ({@code word*}: a prefix). */
    public record Words(List<String> words) implements Criterion {}

    /** The name, details or notes contain the phrase. */
    public record Phrase(String phrase) implements Criterion {}
}
