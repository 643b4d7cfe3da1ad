package io.deskbridge.desk.apiaccess;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /api/v2/account/settings}. As in Zendesk, {@code api_token_access} and
 * {@code api_password_access} are the STRINGS "true"/"false"; a PUT accepts strings or booleans.
 * Our token-policy fields sit beside them in {@code settings.api}.
 */
@RestController
class AccountSettingsController {

    private final ApiAccessPolicy policy;

    AccountSettingsController(ApiAccessPolicy policy) {
        this.policy = policy;
    }

    record SettingsResponse(Settings settings) {}

    record Settings(ApiSettings api) {}

    /** Zendesk's {@code settings.api} ("true"/"false" strings) plus desk's token-policy fields. */
    record ApiSettings(
            boolean acceptedApiAgreement,
            String apiPasswordAccess,
            String apiTokenAccess,
            Integer tokenMaxLifetimeDays,
            boolean allowNeverExpiringTokens,
            int tokenIdleDays,
            int tokenRetentionDays) {}

    @GetMapping("/api/v2/account/settings")
    SettingsResponse show() {
        return body(policy.current());
    }

    @PutMapping("/api/v2/account/settings")
    SettingsResponse update(
            @RequestBody JsonNode request, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        JsonNode api = request.path("settings").path("api");
        ApiAccessUpdate update = new ApiAccessUpdate(
                flag(api, "api_token_access"),
                flag(api, "api_password_access"),
                number(api, "token_max_lifetime_days"),
                flag(api, "allow_never_expiring_tokens"),
                number(api, "token_idle_days"),
                number(api, "token_retention_days"));
        return body(policy.update(caller.asActor(http.getRemoteAddr()), update));
    }

    private static SettingsResponse body(ApiAccessSettings s) {
        return new SettingsResponse(new Settings(new ApiSettings(
                true,
                String.valueOf(s.passwordAccess()),
                String.valueOf(s.tokenAccess()),
                s.tokenMaxLifetimeDays(),
                s.allowsNeverExpiringTokens(),
                s.tokenIdleDays(),
                s.tokenRetentionDays())));
    }

    private static Boolean flag(JsonNode api, String field) {
        JsonNode node = api.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString() && ("true".equals(node.stringValue()) || "false".equals(node.stringValue()))) {
            return Boolean.valueOf(node.stringValue());
        }
        throw new RecordInvalidException(field, "InvalidValue", label(field) + ": " + node + " is not true or false");
    }

    private static Integer number(JsonNode api, String field) {
        JsonNode node = api.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw new RecordInvalidException(field, "InvalidValue", label(field) + ": " + node + " is not a whole number");
    }

    private static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
