package io.deskbridge.desk.satisfaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.ticket.SatisfactionReason;
import java.time.Instant;

/**
 * Zendesk's {@code SatisfactionRatingObject}. {@code comment}, {@code reason} and {@code reason_id} are
 * left out when there is none (the OAS types them as non-nullable string and integer); {@code reason_code}
 * is write-only, as the OAS says ("Responses don't include this property").
 */
public record SatisfactionRatingJson(
        String url,
        long id,
        Long assigneeId,
        Long groupId,
        long requesterId,
        long ticketId,
        String score,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long reasonId) {

    static SatisfactionRatingJson of(SatisfactionRating r, String baseUrl) {
        SatisfactionReason reason = r.reasonCode() == null
                ? null
                : SatisfactionReason.ofCode(r.reasonCode()).orElse(null);
        return new SatisfactionRatingJson(
                baseUrl + "/api/v2/satisfaction_ratings/" + r.id() + ".json",
                r.id(),
                r.assigneeId(),
                r.groupId(),
                r.requesterId(),
                r.ticketId(),
                r.score(),
                r.createdAt(),
                r.updatedAt(),
                r.comment(),
                reason == null ? null : reason.text(),
                reason == null ? null : (long) reason.code());
    }
}
