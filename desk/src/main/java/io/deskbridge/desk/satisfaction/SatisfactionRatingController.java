package io.deskbridge.desk.satisfaction;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.CountJson;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's Satisfaction Ratings API: list (offset or cursor pagination, {@code score},
 * {@code start_time}/{@code end_time}, {@code sort} on {@code id}, {@code created_at} or
 * {@code updated_at}), show, count, and the requester's {@code POST /tickets/{id}/satisfaction_rating}.
 */
@RestController
class SatisfactionRatingController {

    private final SatisfactionRatings ratings;
    private final Pager pager;
    private final Clock clock;

    SatisfactionRatingController(SatisfactionRatings ratings, Pager pager, Clock clock) {
        this.ratings = ratings;
        this.pager = pager;
        this.clock = clock;
    }

    record RatingsResponse(
            List<SatisfactionRatingJson> satisfactionRatings,
            @JsonUnwrapped Paging paging) {}

    /**
     * Decision: one rating is an object under {@code satisfaction_rating}, as Zendesk answers and as
     * zendesk-java-client reads it; the official OAS's {@code SatisfactionRatingResponse} wraps it in an
     * array, the same slip as its {@code TicketMetricResponse}, which no client follows.
     */
    record RatingResponse(SatisfactionRatingJson satisfactionRating) {}

    @GetMapping("/api/v2/satisfaction_ratings")
    RatingsResponse list(
            @RequestParam(required = false) String score,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            HttpServletRequest request) {
        SatisfactionRatingFilter filter = SatisfactionRatingFilter.of(score, startTime, endTime);
        String base = base();
        Page<SatisfactionRating> page = pager.page(
                "satisfaction_ratings",
                request,
                Map.of(
                        "id", KeysetSort.Kind.ID,
                        "created_at", KeysetSort.Kind.TIMESTAMP,
                        "updated_at", KeysetSort.Kind.TIMESTAMP),
                "id",
                new Pager.Source<>() {
                    @Override
                    public long count() {
                        return ratings.count(filter);
                    }

                    @Override
                    public List<SatisfactionRating> fetch(PageQuery query) {
                        return ratings.page(filter, query);
                    }
                },
                SatisfactionRating::id,
                (r, column) -> switch (column) {
                    case "created_at" -> r.createdAt();
                    case "updated_at" -> r.updatedAt();
                    default -> r.id();
                });
        return new RatingsResponse(
                page.items().stream()
                        .map(r -> SatisfactionRatingJson.of(r, base))
                        .toList(),
                page.paging());
    }

    @GetMapping("/api/v2/satisfaction_ratings/count")
    CountJson count() {
        return CountJson.of(
                ratings.count(SatisfactionRatingFilter.of(null, null, null)),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @GetMapping("/api/v2/satisfaction_ratings/{id}")
    RatingResponse show(@PathVariable String id) {
        return new RatingResponse(SatisfactionRatingJson.of(ratings.get(id(id)), base()));
    }

    @PostMapping("/api/v2/tickets/{ticketId}/satisfaction_rating")
    RatingResponse rate(
            @PathVariable long ticketId, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "satisfaction_rating");
        SatisfactionRatings.Rating rating = SatisfactionRatings.rating(
                in.string("score", 32).orElse(null),
                in.string("comment", SatisfactionRatings.MAX_COMMENT * 2).orElse(null),
                reasonCode(in));
        return new RatingResponse(SatisfactionRatingJson.of(ratings.rate(caller, ticketId, rating), base()));
    }

    /** {@code reason_code}: a whole number; 0 ("No reason provided") is one of Zendesk's codes. */
    private static Long reasonCode(Input in) {
        JsonNode raw = in.raw("reason_code");
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            return raw.longValue();
        }
        if (raw.isString() && raw.stringValue().matches("[0-9]{1,9}")) {
            return Long.parseLong(raw.stringValue());
        }
        throw Input.invalid("reason_code", "must be a whole number (one of 0, 5, 6, 7, 8, 100)");
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidValue", "satisfaction_rating_id must be a whole number (got \"" + value + "\")");
        }
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
