package io.deskbridge.desk.user;

import java.time.Instant;
import java.util.List;

/**
 * Which users a list or a search wants, typed: only {@code UserRepository} turns it into SQL (criteria
 * ANDed, values as bind parameters).
 */
public record UserFilter(List<Criterion> criteria) {

    public UserFilter {
        criteria = List.copyOf(criteria);
    }

    public static final UserFilter ALL = new UserFilter(List.of());

    public sealed interface Criterion {}

    public record Not(Criterion criterion) implements Criterion {}

    /** Matches no user (a reference to an organization that does not exist). */
    public record Nothing() implements Criterion {}

    public record RoleIn(List<Role> roles) implements Criterion {
        public RoleIn {
            roles = List.copyOf(roles);
        }
    }

    /** The email, compared case-insensitively. */
    public record EmailIs(String email) implements Criterion {}

    public record ExternalIdIs(String externalId) implements Criterion {}

    /** {@code organizationId} null: users without an organization. */
    public record OrganizationIs(Long organizationId) implements Criterion {}

    public enum TimeField {
        CREATED,
        UPDATED
    }

    /** {@code from}/{@code until} null: open on that side. */
    public record TimeRange(TimeField field, Instant from, boolean fromInclusive, Instant until, boolean untilInclusive)
            implements Criterion {}

    /** What a {@link Words} criterion whose words hold no searchable term matches. */
    public enum NoTerms {
        /** Search API: such words do not narrow the result. */
        IGNORE,
        /** {@code /users/search?query=}: a query without a searchable term finds nobody. */
        MATCH_NONE
    }

    /** Every word is in the user's indexed text ({@code word*}: a prefix). */
    public record Words(List<String> words, NoTerms noTerms) implements Criterion {
        public Words {
            words = List.copyOf(words);
        }
    }

    /** The name, details or notes contain the phrase. */
    public record Phrase(String phrase) implements Criterion {}
}
