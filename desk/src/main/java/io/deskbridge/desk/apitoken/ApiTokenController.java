package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessSettings;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/api_tokens}: Zendesk's list plus create, show, update, delete and rotate, for admins.
 * {@code token} appears in the responses of create and rotate only.
 */
@RestController
class ApiTokenController {

    /** Decision: a token created over the API without an expiry lives 90 days (or the policy maximum). */
    static final int DEFAULT_EXPIRY_DAYS = 90;

    private final ApiTokens tokens;
    private final ApiAccessPolicy policy;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, ApiAccessPolicy policy, Clock clock) {
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    record ApiTokenResponse(ApiTokenJson apiToken) {}

    record ApiTokensResponse(List<ApiTokenJson> apiTokens) {}

    @GetMapping("/api/v2/api_tokens")
    ApiTokensResponse list() {
        String base = base();
        return new ApiTokensResponse(
                tokens.list().stream().map(t -> ApiTokenJson.of(t, base, null)).toList());
    }

    @GetMapping("/api/v2/api_tokens/{id}")
    ApiTokenResponse show(@PathVariable long id) {
        return new ApiTokenResponse(ApiTokenJson.of(tokens.get(id), base(), null));
    }

    @PostMapping("/api/v2/api_tokens")
    ResponseEntity<ApiTokenResponse> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        JsonNode t = body.path("api_token");
        NewApiToken request = new NewApiToken(
                text(t, "description"),
                TokenScope.fromWireName(orDefault(text(t, "scope"), "full"))
                        .orElseThrow(() -> ApiTokenRefusedException.field(
                                "scope", "Scope: " + text(t, "scope") + " is not one of full, read")),
                AuthenticatesAs.fromWireName(orDefault(text(t, "authenticates_as"), "owner"))
                        .orElseThrow(() -> ApiTokenRefusedException.field(
                                "authenticates_as",
                                "Authenticates as: " + text(t, "authenticates_as") + " is not one of owner, any_user")),
                expiresAt(t),
                t.path("never_expires").asBoolean(false));
        IssuedToken issued = tokens.create(caller.asActor(http.getRemoteAddr()), caller.userId(), request);
        String base = base();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(
                        "Location",
                        base + "/api/v2/api_tokens/" + issued.token().id() + ".json")
                .body(new ApiTokenResponse(ApiTokenJson.of(issued.token(), base, issued.value())));
    }

    @PutMapping("/api/v2/api_tokens/{id}")
    ApiTokenResponse update(
            @PathVariable long id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        JsonNode t = body.path("api_token");
        var actor = caller.asActor(http.getRemoteAddr());
        ApiToken token = tokens.get(id);
        if (t.has("description")) {
            token = tokens.updateDescription(actor, id, text(t, "description"));
        }
        JsonNode active = t.get("active");
        if (active != null && !active.isNull()) {
            if (!active.isBoolean()) {
                throw ApiTokenRefusedException.field("active", "Active: " + active + " is not true or false");
            }
            token = active.booleanValue() ? tokens.reactivate(actor, id) : tokens.deactivate(actor, id);
        }
        return new ApiTokenResponse(ApiTokenJson.of(token, base(), null));
    }

    @DeleteMapping("/api/v2/api_tokens/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        tokens.delete(caller.asActor(http.getRemoteAddr()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v2/api_tokens/{id}/rotate")
    ApiTokenResponse rotate(
            @PathVariable long id,
            @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        long graceSeconds = 0;
        JsonNode grace = body == null ? null : body.get("grace_period_seconds");
        if (grace != null && !grace.isNull()) {
            if (!grace.isIntegralNumber() || !grace.canConvertToLong()) {
                throw ApiTokenRefusedException.field(
                        "grace_period_seconds", "Grace period seconds: " + grace + " is not a whole number");
            }
            graceSeconds = grace.longValue();
        }
        IssuedToken issued = tokens.rotate(caller.asActor(http.getRemoteAddr()), id, Duration.ofSeconds(graceSeconds));
        return new ApiTokenResponse(ApiTokenJson.of(issued.token(), base(), issued.value()));
    }

    private Instant expiresAt(JsonNode t) {
        if (t.path("never_expires").asBoolean(false)) {
            return null;
        }
        String at = text(t, "expires_at");
        if (at != null) {
            try {
                return at.length() == 10
                        ? LocalDate.parse(at)
                                .plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusSeconds(1)
                        : OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiTokenRefusedException.expiry(
                        "\"" + at + "\" is not an ISO-8601 date (2027-01-31) or date-time (2027-01-31T12:00:00Z)");
            }
        }
        JsonNode days = t.get("expires_in_days");
        if (days != null && !days.isNull()) {
            if (!days.isIntegralNumber() || days.longValue() < 1 || days.longValue() > 3650) {
                throw ApiTokenRefusedException.field(
                        "expires_in_days", "Expires in days: " + days + " is not a whole number from 1 to 3650");
            }
            return clock.instant().plus(Duration.ofDays(days.longValue()));
        }
        ApiAccessSettings settings = policy.current();
        int defaultDays = settings.allowsNeverExpiringTokens()
                ? DEFAULT_EXPIRY_DAYS
                : Math.min(DEFAULT_EXPIRY_DAYS, settings.tokenMaxLifetimeDays());
        return clock.instant().plus(Duration.ofDays(defaultDays));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiTokenRefusedException.field(field, field + ": must be a string");
        }
        return value.stringValue();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
