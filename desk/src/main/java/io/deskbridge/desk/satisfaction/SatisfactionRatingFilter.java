package io.deskbridge.desk.satisfaction;

import io.deskbridge.desk.api.BadRequestException;
import java.time.Instant;
import java.util.List;

/**
 * Which ratings {@code GET /satisfaction_ratings} lists: Zendesk's {@code score} filter and the
 * {@code start_time}/{@code end_time} window on {@code created_at} (inclusive, epoch seconds).
 *
 * @param scores the stored scores kept; empty keeps none ({@code offered}/{@code unoffered}: desk stores
 *     only received ratings, see the package notes)
 * @param comment whether a comment is required (true), refused (false) or either (null)
 */
record SatisfactionRatingFilter(List<String> scores, Boolean comment, Instant start, Instant end) {

    static final List<String> SCORE_FILTERS = List.of(
            "offered",
            "unoffered",
            "received",
            "received_with_comment",
            "received_without_comment",
            "good",
            "good_with_comment",
            "good_without_comment",
            "bad",
            "bad_with_comment",
            "bad_without_comment");

    static SatisfactionRatingFilter of(String score, String startTime, String endTime) {
        Instant start = epoch("start_time", startTime);
        Instant end = epoch("end_time", endTime);
        if (score == null || score.isBlank()) {
            return new SatisfactionRatingFilter(List.of("good", "bad"), null, start, end);
        }
        String value = score.trim();
        if (!SCORE_FILTERS.contains(value)) {
            throw new BadRequestException(
                    "InvalidValue",
                    "score must be one of " + String.join(", ", SCORE_FILTERS) + " (got \"" + score + "\")");
        }
        if (value.equals("offered") || value.equals("unoffered")) {
            return new SatisfactionRatingFilter(List.of(), null, start, end);
        }
        String base = value.replaceFirst("_with(out)?_comment$", "");
        List<String> scores = base.equals("received") ? List.of("good", "bad") : List.of(base);
        Boolean comment = value.endsWith("_without_comment")
                ? Boolean.FALSE
                : value.endsWith("_with_comment") ? Boolean.TRUE : null;
        return new SatisfactionRatingFilter(scores, comment, start, end);
    }

    /** Epoch seconds; like the exports, a fraction is dropped ({@code 1704067200.0}). */
    private static Instant epoch(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String whole = value.trim().replaceFirst("\\.\\d*$", "");
        try {
            long seconds = Long.parseLong(whole);
            if (seconds >= 0) {
                return Instant.ofEpochSecond(seconds);
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // the message below says what is accepted
        }
        throw new BadRequestException(
                "InvalidValue", name + " must be epoch seconds, a whole number from 0 (got \"" + value + "\")");
    }
}
