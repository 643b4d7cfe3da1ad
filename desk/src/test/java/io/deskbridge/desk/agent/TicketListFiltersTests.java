package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketFilter.UserField;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketListFiltersTests {

    private static final long ME = 7;

    @Test
    void shouldKeepEveryLiveTicketWhenNothingIsChosen() {
        TicketListFilters filters = new TicketListFilters("", " ", null, "", "", null, null, null);
        assertThat(filters.toFilter(ME)).isEqualTo(TicketFilter.LIVE);
        assertThat(filters.page()).isEqualTo(1);
        assertThat(filters.newestFirst()).isTrue();
    }

    @Test
    void shouldTurnEveryFilterIntoItsTypedCriterion() {
        TicketListFilters filters =
                new TicketListFilters("unsolved", "me", "none", " VIP ", "printer  Fire", "updated_asc", 3, null);
        assertThat(filters.toFilter(ME).criteria())
                .containsExactly(
                        new TicketFilter.StatusIn(List.of("new", "open", "pending", "hold")),
                        new TicketFilter.UserIs(UserField.ASSIGNEE, ME),
                        new TicketFilter.GroupIs(null),
                        new TicketFilter.HasTag("vip"),
                        new TicketFilter.Words(List.of("printer", "fire")));
        assertThat(filters.newestFirst()).isFalse();
        assertThat(filters.page()).isEqualTo(3);
    }

    @Test
    void shouldFilterOnAStatusAnAssigneeAndAGroupById() {
        assertThat(new TicketListFilters("solved", "none", "12", null, null, null, 0, null)
                        .toFilter(ME)
                        .criteria())
                .containsExactly(
                        new TicketFilter.StatusIn(List.of("solved")),
                        new TicketFilter.UserIs(UserField.ASSIGNEE, null),
                        new TicketFilter.GroupIs(12L));
        assertThat(new TicketListFilters(null, "42", null, null, null, null, null, null)
                        .toFilter(ME)
                        .criteria())
                .containsExactly(new TicketFilter.UserIs(UserField.ASSIGNEE, 42L));
    }

    @Test
    void shouldRefuseValuesItDoesNotKnowNamingThem() {
        assertThatThrownBy(() -> new TicketListFilters("bogus", null, null, null, null, null, null, null).toFilter(ME))
                .hasMessage("The status filter does not accept \"bogus\"");
        assertThatThrownBy(
                        () -> new TicketListFilters(null, "someone", null, null, null, null, null, null).toFilter(ME))
                .hasMessage("The assignee filter does not accept \"someone\"");
        assertThatThrownBy(() -> new TicketListFilters(null, null, "x1", null, null, null, null, null).toFilter(ME))
                .hasMessage("The group filter does not accept \"x1\"");
    }
}
