package io.deskbridge.desk.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/webhooks} in Zendesk's shape (admins only, see SecurityConfig): list (both
 * pagination styles, {@code filter[status]}, {@code filter[name_contains]}), show, create (201),
 * update with PUT or PATCH (204, as Zendesk), delete (204), signing secret show and reset, test,
 * and the invocation log.
 */
@RestController
class WebhookController {

    private static final int MAX_SIGNING_SECRET = 128;
    private static final Map<String, KeysetSort.Kind> BY_ID = Map.of("id", KeysetSort.Kind.ID);

    private final Webhooks webhooks;
    private final WebhookTester tester;
    private final Pager pager;

    WebhookController(Webhooks webhooks, WebhookTester tester, Pager pager) {
        this.webhooks = webhooks;
        this.tester = tester;
        this.pager = pager;
    }

    record WebhookResponse(WebhookJson webhook) {}

    /** {@code {"webhooks": [...]}} plus the paging fields of the style the request asked for. */
    record WebhooksResponse(
            List<WebhookJson> webhooks, @JsonUnwrapped Paging paging) {}

    record InvocationsResponse(
            List<WebhookJson.InvocationJson> invocations,
            @JsonUnwrapped Paging paging) {}

    record AttemptsResponse(List<WebhookJson.AttemptJson> attempts) {}

    record SigningSecretResponse(SigningSecret signingSecret) {}

    record SigningSecret(String algorithm, String secret) {}

    record TestResponse(WebhookTester.TestResult response) {}

    @GetMapping("/api/v2/webhooks")
    WebhooksResponse list(
            @RequestParam(name = "filter[status]", required = false) String status,
            @RequestParam(name = "filter[name_contains]", required = false) String nameContains,
            HttpServletRequest request) {
        WebhookStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = WebhookStatus.fromWireName(status.strip())
                    .orElseThrow(() -> WebhookInvalidException.field(
                            "filter[status]", "\"" + status.strip() + "\" is not one of active, inactive"));
        }
        WebhookFilter filter =
                new WebhookFilter(wanted, nameContains == null || nameContains.isBlank() ? null : nameContains.strip());
        Page<WebhookJson> page = pager.page(
                        "webhooks",
                        request,
                        BY_ID,
                        "id",
                        new Pager.Source<Webhook>() {
                            @Override
                            public long count() {
                                return webhooks.count(filter);
                            }

                            @Override
                            public List<Webhook> fetch(PageQuery query) {
                                return webhooks.page(filter, query);
                            }
                        },
                        Webhook::id,
                        (w, column) -> w.id())
                .map(WebhookJson::of);
        return new WebhooksResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/webhooks/{id}")
    WebhookResponse show(@PathVariable String id) {
        return new WebhookResponse(WebhookJson.of(webhooks.get(parseId(id))));
    }

    @PostMapping("/api/v2/webhooks")
    ResponseEntity<WebhookResponse> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        Input in = Input.envelope(body, "webhook");
        Webhook created = webhooks.create(caller.asActor(http.getRemoteAddr()), changes(in, true));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", base() + "/api/v2/webhooks/" + created.id())
                .body(new WebhookResponse(WebhookJson.of(created)));
    }

    @PutMapping("/api/v2/webhooks/{id}")
    ResponseEntity<Void> update(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        webhooks.update(
                caller.asActor(http.getRemoteAddr()), parseId(id), changes(Input.envelope(body, "webhook"), false));
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/api/v2/webhooks/{id}")
    ResponseEntity<Void> patch(
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest http) {
        return update(id, body, caller, http);
    }

    @DeleteMapping("/api/v2/webhooks/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        webhooks.delete(caller.asActor(http.getRemoteAddr()), parseId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/webhooks/{id}/signing_secret")
    ResponseEntity<SigningSecretResponse> signingSecret(@PathVariable String id) {
        return noStore(HttpStatus.OK, signingSecretJson(webhooks.signingSecret(parseId(id))));
    }

    @PostMapping("/api/v2/webhooks/{id}/signing_secret")
    ResponseEntity<SigningSecretResponse> resetSigningSecret(
            @PathVariable String id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest http) {
        String secret = webhooks.resetSigningSecret(caller.asActor(http.getRemoteAddr()), parseId(id));
        return noStore(HttpStatus.CREATED, signingSecretJson(secret));
    }

    @PostMapping("/api/v2/webhooks/test")
    TestResponse test(
            @RequestBody JsonNode body, @RequestParam(name = "webhook_id", required = false) String webhookId) {
        Input in = Input.envelope(body, "request");
        String id = webhookId != null
                ? webhookId
                : Input.of(body).string("webhook_id", 64).orElse(null);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode list = in.raw("headers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw WebhookInvalidException.field(
                        "request.headers", "must be a list of {\"key\", \"value\"} objects");
            }
            for (JsonNode header : list) {
                JsonNode key = header.get("key");
                JsonNode value = header.get("value");
                if (key == null || !key.isString() || value == null || !value.isString()) {
                    throw WebhookInvalidException.field(
                            "request.headers", "must be a list of {\"key\", \"value\"} objects with string values");
                }
                headers.put(key.stringValue(), value.stringValue());
            }
        }
        return new TestResponse(tester.run(new WebhookTester.TestRequest(
                in.string("endpoint", Webhooks.MAX_ENDPOINT).orElse(null),
                in.string("http_method", 16)
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .orElse(null),
                in.string("request_format", 32)
                        .map(f -> f.toLowerCase(Locale.ROOT))
                        .orElse(null),
                headers,
                payload(in),
                id == null ? null : parseId(id))));
    }

    @GetMapping("/api/v2/webhooks/{id}/invocations")
    InvocationsResponse invocations(@PathVariable String id, HttpServletRequest request) {
        long webhookId = parseId(id);
        Page<WebhookJson.InvocationJson> page = pager.page(
                        "invocations",
                        request,
                        BY_ID,
                        "id",
                        new Pager.Source<WebhookInvocation>() {
                            @Override
                            public long count() {
                                return webhooks.countInvocations(webhookId);
                            }

                            @Override
                            public List<WebhookInvocation> fetch(PageQuery query) {
                                return webhooks.invocations(webhookId, query);
                            }
                        },
                        WebhookInvocation::id,
                        (i, column) -> i.id())
                .map(WebhookJson.InvocationJson::of);
        return new InvocationsResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/webhooks/{id}/invocations/{invocationId}/attempts")
    AttemptsResponse attempts(@PathVariable String id, @PathVariable String invocationId) {
        long webhookId = parseId(id);
        long invocation = parseId(invocationId);
        if (!webhooks.hasInvocation(webhookId, invocation)) {
            throw WebhookNotFoundException.forId(id + "/invocations/" + invocationId);
        }
        return new AttemptsResponse(webhooks.attempts(List.of(invocation)).get(invocation).stream()
                .map(WebhookJson.AttemptJson::of)
                .toList());
    }

    /** Reads a create or update body; {@code creating} allows {@code signing_secret}. */
    private static WebhookChanges changes(Input in, boolean creating) {
        String description = null;
        if (in.has("description")) {
            description = in.string("description", Integer.MAX_VALUE).orElse("");
        }
        WebhookStatus status = in.oneOf("status", List.of("active", "inactive"))
                .flatMap(WebhookStatus::fromWireName)
                .orElse(null);
        Map<String, String> customHeaders = null;
        if (in.has("custom_headers")) {
            customHeaders = new LinkedHashMap<>();
            JsonNode headers = in.raw("custom_headers");
            if (!headers.isNull()) {
                if (!headers.isObject()) {
                    throw WebhookInvalidException.field(
                            "custom_headers", "must be an object of header names to values");
                }
                for (Map.Entry<String, JsonNode> header : headers.properties()) {
                    if (!header.getValue().isString()) {
                        throw WebhookInvalidException.field(
                                "custom_headers", "the value of " + header.getKey() + " must be a string");
                    }
                    customHeaders.put(header.getKey(), header.getValue().stringValue());
                }
            }
        }
        String signingSecret = null;
        if (creating && in.present("signing_secret")) {
            Input secret = in.child("signing_secret").orElseThrow();
            String algorithm = secret.string("algorithm", 16).orElse("SHA256");
            if (!"SHA256".equalsIgnoreCase(algorithm)) {
                throw WebhookInvalidException.field("signing_secret", "algorithm must be SHA256");
            }
            signingSecret = secret.string("secret", MAX_SIGNING_SECRET)
                    .filter(s -> !s.isBlank())
                    .orElse(null);
        }
        return new WebhookChanges(
                in.string("name", Integer.MAX_VALUE).orElse(null),
                description,
                status,
                in.string("endpoint", Integer.MAX_VALUE).map(String::strip).orElse(null),
                in.string("http_method", 16)
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .orElse(null),
                in.string("request_format", 32)
                        .map(f -> f.toLowerCase(Locale.ROOT))
                        .orElse(null),
                subscriptions(in),
                customHeaders,
                authentication(in),
                signingSecret);
    }

    private static List<String> subscriptions(Input in) {
        JsonNode value = in.raw("subscriptions");
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw WebhookInvalidException.field("subscriptions", "must be a list of event types");
        }
        List<String> subscriptions = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw WebhookInvalidException.field("subscriptions", "must be a list of event types (strings)");
            }
            if (!subscriptions.contains(item.stringValue())) {
                subscriptions.add(item.stringValue());
            }
        }
        return List.copyOf(subscriptions);
    }

    private static WebhookChanges.AuthenticationChange authentication(Input in) {
        if (!in.has("authentication")) {
            return null;
        }
        if (!in.present("authentication")) {
            return WebhookChanges.AuthenticationChange.REMOVE;
        }
        Input auth = in.child("authentication").orElseThrow();
        AuthenticationType type = auth.string("type", 32)
                .map(t -> AuthenticationType.fromWireName(t)
                        .orElseThrow(() -> WebhookInvalidException.field(
                                "authentication.type",
                                "\"" + t + "\" is not one of basic_auth, bearer_token, api_key")))
                .orElseThrow(() -> WebhookInvalidException.blank("authentication.type"));
        String addPosition = auth.string("add_position", 32).orElse(WebhookAuthentication.HEADER);
        Input data =
                auth.child("data").orElse(Input.of(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        switch (type) {
            case BASIC_AUTH:
                return new WebhookChanges.AuthenticationChange(
                        type, addPosition, data.string("username", 255).orElse(null), credential(data, "password"));
            case BEARER_TOKEN:
                return new WebhookChanges.AuthenticationChange(type, addPosition, null, credential(data, "token"));
            default:
                return new WebhookChanges.AuthenticationChange(
                        type, addPosition, data.string("name", 128).orElse(null), credential(data, "value"));
        }
    }

    private static String credential(Input data, String field) {
        JsonNode value = data.raw(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw WebhookInvalidException.field("authentication.data." + field, "must be a string");
        }
        String text = value.stringValue();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > Webhooks.MAX_CREDENTIAL || text.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw WebhookInvalidException.field(
                    "authentication.data." + field,
                    "must be at most " + Webhooks.MAX_CREDENTIAL + " characters without line breaks");
        }
        return text;
    }

    private static String payload(Input in) {
        JsonNode payload = in.raw("payload");
        if (payload == null || payload.isNull()) {
            return null;
        }
        return payload.isString() ? payload.stringValue() : payload.toString();
    }

    private static SigningSecretResponse signingSecretJson(String secret) {
        return new SigningSecretResponse(new SigningSecret("SHA256", secret));
    }

    /** Secrets must not sit in caches between desk and the admin. */
    private static ResponseEntity<SigningSecretResponse> noStore(HttpStatus status, SigningSecretResponse body) {
        return ResponseEntity.status(status).header("Cache-Control", "no-store").body(body);
    }

    /** Webhook ids are strings on the wire; anything that is not one of ours is simply not found. */
    static long parseId(String id) {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw WebhookNotFoundException.forId(id);
        }
        return Long.parseLong(id);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
