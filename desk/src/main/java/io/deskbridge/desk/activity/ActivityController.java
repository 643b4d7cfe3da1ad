package io.deskbridge.desk.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The activity stream: see the package documentation. */
@RestController
class ActivityController {

    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Map<String, KeysetSort.Kind> SORTS =
            Map.of("created_at", KeysetSort.Kind.TIMESTAMP, "id", KeysetSort.Kind.ID);

    private final ActivityRepository repository;
    private final Users users;
    private final Pager pager;
    private final Clock clock;

    ActivityController(ActivityRepository repository, Users users, Pager pager, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.pager = pager;
        this.clock = clock;
    }

    record TicketRef(long id, String subject) {}

    record CommentRef(String value, @JsonProperty("public") boolean isPublic) {}

    /** {@code object}: the ticket, or the comment for {@code tickets.comment}. */
    record ActivityObject(
            @JsonInclude(JsonInclude.Include.NON_NULL) TicketRef ticket,
            @JsonInclude(JsonInclude.Include.NON_NULL) CommentRef comment) {}

    record ActivityTarget(TicketRef ticket) {}

    /** {@code ActivityObject}; {@code actor} is left out for changes made by desk itself (actor_id -1). */
    record ActivityJson(
            long id,
            String url,
            String verb,
            String title,
            long userId,
            long actorId,
            @JsonInclude(JsonInclude.Include.NON_NULL) UserJson user,
            @JsonInclude(JsonInclude.Include.NON_NULL) UserJson actor,
            ActivityObject object,
            ActivityTarget target,
            Instant createdAt,
            Instant updatedAt) {}

    record ActivitiesResponse(
            List<ActivityJson> activities,
            List<UserJson> actors,
            List<UserJson> users,
            @JsonUnwrapped Paging paging) {}

    record ActivityResponse(ActivityJson activity) {}

    record Count(long value, Instant refreshedAt) {}

    record CountResponse(Count count) {}

    @GetMapping("/api/v2/activities")
    ActivitiesResponse list(
            @RequestParam(required = false) String since,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest request) {
        Instant from = from(since);
        Page<TicketActivity> page = pager.page(
                "activities",
                request,
                SORTS,
                "id",
                new Pager.Source<TicketActivity>() {
                    @Override
                    public long count() {
                        return repository.count(caller.userId(), from);
                    }

                    @Override
                    public List<TicketActivity> fetch(PageQuery query) {
                        return repository.page(caller.userId(), from, query);
                    }
                },
                TicketActivity::id,
                (a, column) -> a.createdAt());
        Map<Long, UserJson> people = people(page.items());
        List<ActivityJson> activities =
                page.items().stream().map(a -> json(a, people)).toList();
        return new ActivitiesResponse(
                activities,
                page.items().stream()
                        .map(TicketActivity::actorId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .map(people::get)
                        .filter(Objects::nonNull)
                        .toList(),
                page.items().stream()
                        .map(TicketActivity::userId)
                        .distinct()
                        .map(people::get)
                        .filter(Objects::nonNull)
                        .toList(),
                page.paging());
    }

    @GetMapping("/api/v2/activities/count")
    CountResponse count(@AuthenticationPrincipal DeskPrincipal caller) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return new CountResponse(new Count(repository.count(caller.userId(), now.minus(WINDOW)), now));
    }

    @GetMapping("/api/v2/activities/{id}")
    ActivityResponse show(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        TicketActivity activity = repository
                .find(id)
                .filter(a -> caller.isAdmin() || a.userId() == caller.userId())
                .orElseThrow(() -> new RecordNotFoundException("No activity " + id));
        return new ActivityResponse(json(activity, people(List.of(activity))));
    }

    /** The later of 30 days ago and {@code since} (ISO 8601). */
    private Instant from(String since) {
        Instant window = Instant.now(clock).minus(WINDOW);
        if (since == null || since.isBlank()) {
            return window;
        }
        try {
            Instant parsed = OffsetDateTime.parse(since.trim()).toInstant();
            return parsed.isAfter(window) ? parsed : window;
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    "InvalidParameter",
                    "since takes an ISO 8601 date-time such as 2026-01-01T00:00:00Z (got \"" + since + "\")");
        }
    }

    private Map<Long, UserJson> people(List<TicketActivity> activities) {
        Set<Long> ids = activities.stream()
                .flatMap(a -> Stream.of(a.userId(), a.actorId()))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String base = base();
        return users.findAll(ids).stream()
                .collect(Collectors.toMap(UserAccount::id, u -> UserJson.of(u, base), (a, b) -> a));
    }

    private static ActivityJson json(TicketActivity a, Map<Long, UserJson> people) {
        TicketRef ticket = new TicketRef(a.ticketId(), a.subject());
        ActivityObject object = a.comment() != null
                ? new ActivityObject(null, new CommentRef(a.comment(), !Boolean.FALSE.equals(a.commentPublic())))
                : new ActivityObject(ticket, null);
        Function<Long, UserJson> person = id -> id == null ? null : people.get(id);
        return new ActivityJson(
                a.id(),
                base() + "/api/v2/activities/" + a.id() + ".json",
                a.verb(),
                a.title(),
                a.userId(),
                a.actorId() == null ? -1L : a.actorId(),
                person.apply(a.userId()),
                person.apply(a.actorId()),
                object,
                new ActivityTarget(ticket),
                a.createdAt(),
                a.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
