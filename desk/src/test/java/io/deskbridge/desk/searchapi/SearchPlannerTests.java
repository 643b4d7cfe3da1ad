package io.deskbridge.desk.searchapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.organization.OrganizationFilter;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.Bound;
import io.deskbridge.desk.ticket.TicketFilter.TimeField;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchPlannerTests {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final long CALLER = 7;

    final SearchPlanner planner = new SearchPlanner(
            Clock.fixed(NOW, ZoneOffset.UTC),
            email -> email.equals("bob@example.com") ? Optional.of(42L) : Optional.empty(),
            name -> name.equals("Acme") ? Optional.of(9L) : Optional.empty());

    TicketFilter tickets(String query) {
        return planner.tickets(SearchQuery.parse(query), CALLER);
    }

    @Nested
    class TicketFields {

        @Test
        void shouldTurnARankedStatusComparisonIntoTheStatusesBelowIt() {
            assertThat(tickets("status<solved").criteria())
                    .containsExactly(new TicketFilter.StatusIn(List.of("new", "open", "pending", "hold")));
        }

        @Test
        void shouldMatchNoStatusWhenNothingRanksBelow() {
            assertThat(tickets("status<new").criteria()).containsExactly(new TicketFilter.StatusIn(List.of()));
        }

        @Test
        void shouldRefuseAnUnknownPriorityNamingTheAllowedOnes() {
            assertThatThrownBy(() -> tickets("priority:critical"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("priority must be one of low, normal, high, urgent (got \"critical\")");
        }

        @Test
        void shouldResolveMeNoneIdsAndEmails() {
            assertThat(tickets("assignee:me requester:none submitter:5 requester:bob@example.com")
                            .criteria())
                    .containsExactly(
                            new TicketFilter.UserIs(UserField.ASSIGNEE, CALLER),
                            new TicketFilter.UserIs(UserField.REQUESTER, null),
                            new TicketFilter.UserIs(UserField.SUBMITTER, 5L),
                            new TicketFilter.UserIs(UserField.REQUESTER, 42L));
        }

        @Test
        void shouldMatchNothingForAnEmailNobodyHas() {
            assertThat(tickets("requester:nobody@example.com").criteria()).containsExactly(new TicketFilter.Nothing());
        }

        @Test
        void shouldNegateATagAndLowerCaseIt() {
            assertThat(tickets("-tags:SPAM").criteria())
                    .containsExactly(new TicketFilter.Not(new TicketFilter.HasTag("spam")));
        }

        @Test
        void shouldRefuseAGroupThatIsNeitherAnIdNorNone() {
            assertThatThrownBy(() -> tickets("group:support"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("group takes an id or none (got \"support\")");
        }

        @Test
        void shouldResolveAnOrganizationByName() {
            assertThat(tickets("organization:Acme organization:Other").criteria())
                    .containsExactly(new TicketFilter.OrganizationIs(9L), new TicketFilter.Nothing());
        }
    }

    @Nested
    class Text {

        @Test
        void shouldSendWordsAndPhrasesThroughTheIndexThenCheckThePhrase() {
            assertThat(tickets("printer \"on fire\" subject:smoke").criteria())
                    .containsExactly(
                            new TicketFilter.Words(List.of("printer", "smoke", "on fire")),
                            new TicketFilter.Phrase("on fire"));
        }

        @Test
        void shouldTreatAnUnknownKeywordAsAWord() {
            assertThat(tickets("foo:bar").criteria()).containsExactly(new TicketFilter.Words(List.of("foo:bar")));
        }
    }

    @Nested
    class Times {

        @Test
        void shouldReadARelativeAgeAgainstTheInjectedClock() {
            assertThat(tickets("created>4hours").criteria())
                    .containsExactly(new TicketFilter.TimeRange(
                            TimeField.CREATED, new Bound(Instant.parse("2026-11-27T08:00:00Z"), true), null));
            assertThat(tickets("updated<2days").criteria())
                    .containsExactly(new TicketFilter.TimeRange(
                            TimeField.UPDATED, null, new Bound(Instant.parse("2026-11-25T12:00:00Z"), false)));
        }

        @Test
        void shouldReadADayAsTheWholeDay() {
            Instant day = Instant.parse("2026-01-01T00:00:00Z");
            Instant next = Instant.parse("2026-01-02T00:00:00Z");
            assertThat(tickets("created:2026-01-01").criteria())
                    .containsExactly(new TicketFilter.TimeRange(
                            TimeField.CREATED, new Bound(day, true), new Bound(next, false)));
            assertThat(tickets("created>2026-01-01").criteria())
                    .containsExactly(new TicketFilter.TimeRange(TimeField.CREATED, new Bound(next, true), null));
            assertThat(tickets("created<=2026-01-01").criteria())
                    .containsExactly(new TicketFilter.TimeRange(TimeField.CREATED, null, new Bound(next, false)));
        }

        @Test
        void shouldReadAnInstantExactly() {
            Instant at = Instant.parse("2026-01-01T10:00:00Z");
            assertThat(tickets("due_date>2026-01-01T10:00:00Z").criteria())
                    .containsExactly(new TicketFilter.TimeRange(TimeField.DUE, new Bound(at, false), null));
            assertThat(tickets("due_date<=2026-01-01T10:00:00Z").criteria())
                    .containsExactly(new TicketFilter.TimeRange(TimeField.DUE, null, new Bound(at, true)));
        }

        @Test
        void shouldRefuseSomethingThatIsNoTime() {
            assertThatThrownBy(() -> tickets("created>yesterday"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining(
                            "created takes a date (2026-11-27), a date-time (2026-11-27T10:00:00Z) or an age (4hours); got \"yesterday\"");
        }
    }

    @Nested
    class Organizations {

        @Test
        void shouldPlanExternalIdTimeAndText() {
            OrganizationFilter filter =
                    planner.organizations(SearchQuery.parse("acme -external_id:x1 created>=2026-01-01"));
            assertThat(filter.criteria())
                    .containsExactly(
                            new OrganizationFilter.Words(List.of("acme")),
                            new OrganizationFilter.Not(new OrganizationFilter.ExternalIdIs("x1")),
                            new OrganizationFilter.TimeRange(
                                    OrganizationFilter.TimeField.CREATED,
                                    Instant.parse("2026-01-01T00:00:00Z"),
                                    true,
                                    null,
                                    false));
        }
    }

    @Nested
    class Users {

        @Test
        void shouldPlanRoleEmailOrganizationExternalIdTimeAndText() {
            UserFilter filter = planner.users(SearchQuery.parse(
                    "ann role:Agent email:Ann@Example.com organization:Acme -external_id:x1 updated<2026-01-01"));
            assertThat(filter.criteria())
                    .containsExactly(
                            new UserFilter.Words(List.of("ann"), UserFilter.NoTerms.IGNORE),
                            new UserFilter.RoleIn(List.of(Role.AGENT)),
                            new UserFilter.EmailIs("Ann@Example.com"),
                            new UserFilter.OrganizationIs(9L),
                            new UserFilter.Not(new UserFilter.ExternalIdIs("x1")),
                            new UserFilter.TimeRange(
                                    UserFilter.TimeField.UPDATED,
                                    null,
                                    false,
                                    Instant.parse("2026-01-01T00:00:00Z"),
                                    false));
        }

        @Test
        void shouldMatchNobodyForAnUnknownOrganizationAndNoOrganizationForNone() {
            assertThat(planner.users(SearchQuery.parse("organization:Nowhere organization:none"))
                            .criteria())
                    .containsExactly(new UserFilter.Nothing(), new UserFilter.OrganizationIs(null));
        }

        @Test
        void shouldRefuseAnUnknownRoleNamingTheAllowedOnes() {
            assertThatThrownBy(() -> planner.users(SearchQuery.parse("role:boss")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("role must be end-user, agent or admin (got \"boss\")");
        }
    }
}
