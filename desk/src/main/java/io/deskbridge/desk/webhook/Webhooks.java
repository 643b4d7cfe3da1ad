package io.deskbridge.desk.webhook;

import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.pagination.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks with Zendesk's rules (see the package documentation for desk's decisions): create,
 * update, delete, signing secret show and reset, and the invocation log. Every change is audited;
 * no secret ever reaches the audit log.
 */
@Service
public class Webhooks {

    static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_ENDPOINT = 2048;
    static final int MAX_CREDENTIAL = 1000;

    private final WebhookRepository repository;
    private final WebhookInvocationRepository invocations;
    private final WebhookSecrets secrets;
    private final EndpointPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    Webhooks(
            WebhookRepository repository,
            WebhookInvocationRepository invocations,
            WebhookSecrets secrets,
            EndpointPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.invocations = invocations;
        this.secrets = secrets;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues a trigger's or automation's {@code notification_webhook} call in the outbox, in the
     * caller's transaction, so it is delivered (signed, retried) like every ticket event. Only an
     * active webhook subscribed to {@code conditional_ticket_events} is called, as in Zendesk; false
     * when the webhook is missing, inactive or subscribed to ticket events instead.
     */
    @Transactional
    public boolean queueRuleCall(long webhookId, String body) {
        Optional<StoredWebhook> stored = repository.findById(webhookId);
        if (stored.isEmpty()
                || stored.get().webhook().status() != WebhookStatus.ACTIVE
                || !stored.get().webhook().subscriptions().contains(TicketEventType.CONDITIONAL_TICKET_EVENTS)) {
            return false;
        }
        invocations.insert(
                webhookId,
                java.util.UUID.randomUUID().toString(),
                TicketEventType.CONDITIONAL_TICKET_EVENTS,
                body,
                clock.instant());
        return true;
    }

    @Transactional(readOnly = true)
    public Webhook get(long id) {
        return stored(id).webhook();
    }

    @Transactional(readOnly = true)
    public long count(WebhookFilter filter) {
        return repository.count(filter);
    }

    @Transactional(readOnly = true)
    public List<Webhook> page(WebhookFilter filter, PageQuery page) {
        return repository.page(filter, page).stream()
                .map(StoredWebhook::webhook)
                .toList();
    }

    /** Whether endpoints on loopback and private networks are allowed (desk.webhooks.allow-private-targets). */
    public boolean allowsPrivateTargets() {
        return policy.allowsPrivateTargets();
    }

    @Transactional
    public Webhook create(Actor actor, WebhookChanges changes) {
        WebhookRow row = merge(null, changes);
        validate(row, true);
        String credential = null;
        if (row.authentication() != null) {
            credential = required(changes.authentication().credential(), credentialField(row.authentication()));
        }
        String signingSecret = changes.signingSecret() != null ? changes.signingSecret() : WebhookSigner.newSecret();
        Instant now = now();
        long id = repository.insert(row, actor.userId(), now);
        repository.setSigningSecretSealed(id, secrets.sealSigningSecret(id, signingSecret), now);
        if (credential != null) {
            repository.setAuthSealed(id, secrets.sealCredential(id, credential));
        }
        audit.record(
                actor,
                AuditAction.CREATE,
                "webhook.created",
                "webhook",
                id,
                row.name(),
                "Created webhook " + row.name() + " (" + row.status().wireName() + ", " + row.httpMethod()
                        + ", subscriptions: " + String.join(", ", row.subscriptions())
                        + (row.authentication() == null
                                ? ""
                                : ", " + row.authentication().type().wireName()) + ")");
        return get(id);
    }

    @Transactional
    public Webhook update(Actor actor, long id, WebhookChanges changes) {
        StoredWebhook current =
                repository.lock(id).orElseThrow(() -> WebhookNotFoundException.forId(String.valueOf(id)));
        Webhook before = current.webhook();
        WebhookRow row = merge(before, changes);
        validate(row, !Objects.equals(before.endpoint(), row.endpoint()));
        String newCredential = null;
        boolean dropCredential = false;
        WebhookChanges.AuthenticationChange auth = changes.authentication();
        if (auth != null && auth.removes()) {
            dropCredential = true;
        } else if (auth != null) {
            boolean sameShape = before.authentication() != null
                    && before.authentication().type() == auth.type()
                    && Objects.equals(before.authentication().publicPart(), auth.publicPart());
            if (auth.credential() != null) {
                newCredential = auth.credential();
            } else if (!sameShape) {
                throw WebhookInvalidException.blank(credentialField(row.authentication()));
            }
        }
        Instant now = now();
        repository.update(id, row, actor.userId(), now);
        if (dropCredential) {
            repository.setAuthSealed(id, null);
        } else if (newCredential != null) {
            repository.setAuthSealed(id, secrets.sealCredential(id, newCredential));
        }
        if (before.status() == WebhookStatus.ACTIVE && row.status() == WebhookStatus.INACTIVE) {
            invocations.cancelPending(id, "webhook deactivated by an admin", now);
        } else if (before.status() == WebhookStatus.INACTIVE && row.status() == WebhookStatus.ACTIVE) {
            repository.resetFailures(id);
        }
        List<String> changed = changedFields(before, row, newCredential != null);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "webhook.updated",
                "webhook",
                id,
                row.name(),
                changed.isEmpty() ? "No changes" : "Changed " + String.join(", ", changed));
        return get(id);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        Webhook webhook = stored(id).webhook();
        repository.delete(id);
        audit.record(
                actor,
                AuditAction.DESTROY,
                "webhook.deleted",
                "webhook",
                id,
                webhook.name(),
                "Deleted webhook " + webhook.name());
    }

    /** The signing secret in clear, for the admin who verifies deliveries with it. */
    @Transactional(readOnly = true)
    public String signingSecret(long id) {
        return secrets.openSigningSecret(stored(id));
    }

    /** Replaces the signing secret; the new one, in clear. Deliveries from now on use it. */
    @Transactional
    public String resetSigningSecret(Actor actor, long id) {
        Webhook webhook = repository
                .lock(id)
                .orElseThrow(() -> WebhookNotFoundException.forId(String.valueOf(id)))
                .webhook();
        String secret = WebhookSigner.newSecret();
        repository.setSigningSecretSealed(id, secrets.sealSigningSecret(id, secret), now());
        audit.record(
                actor,
                AuditAction.UPDATE,
                "webhook.signing_secret_reset",
                "webhook",
                id,
                webhook.name(),
                "Signing secret reset; deliveries are signed with the new secret from now on");
        return secret;
    }

    @Transactional(readOnly = true)
    public long countInvocations(long webhookId) {
        stored(webhookId);
        return invocations.count(webhookId);
    }

    /** A window of a webhook's invocations. */
    @Transactional(readOnly = true)
    public List<WebhookInvocation> invocations(long webhookId, PageQuery page) {
        stored(webhookId);
        return invocations.page(webhookId, page);
    }

    /** Whether the invocation exists and belongs to the webhook. */
    @Transactional(readOnly = true)
    public boolean hasInvocation(long webhookId, long invocationId) {
        stored(webhookId);
        return invocations.exists(webhookId, invocationId);
    }

    /** The attempts of the given invocations, grouped by invocation, in attempt order. */
    @Transactional(readOnly = true)
    public Map<Long, List<WebhookAttempt>> attempts(List<Long> invocationIds) {
        Map<Long, List<WebhookAttempt>> grouped = new LinkedHashMap<>();
        invocationIds.forEach(id -> grouped.put(id, new ArrayList<>()));
        invocations
                .attempts(invocationIds)
                .forEach(a -> grouped.get(a.invocationId()).add(a));
        return grouped;
    }

    private StoredWebhook stored(long id) {
        return repository.findById(id).orElseThrow(() -> WebhookNotFoundException.forId(String.valueOf(id)));
    }

    private WebhookRow merge(Webhook current, WebhookChanges c) {
        WebhookAuthentication authentication;
        if (c.authentication() == null) {
            authentication = current == null ? null : current.authentication();
        } else if (c.authentication().removes()) {
            authentication = null;
        } else {
            authentication = new WebhookAuthentication(
                    c.authentication().type(),
                    c.authentication().addPosition() == null
                            ? WebhookAuthentication.HEADER
                            : c.authentication().addPosition(),
                    c.authentication().publicPart());
        }
        return new WebhookRow(
                pick(c.name(), current == null ? null : current.name()),
                pick(c.description(), current == null ? null : current.description()),
                pick(c.status(), current == null ? WebhookStatus.ACTIVE : current.status()),
                pick(c.endpoint(), current == null ? null : current.endpoint()),
                pick(c.httpMethod(), current == null ? "POST" : current.httpMethod()),
                pick(c.requestFormat(), current == null ? "json" : current.requestFormat()),
                pick(c.subscriptions(), current == null ? List.of() : current.subscriptions()),
                pick(c.customHeaders(), current == null ? Map.of() : current.customHeaders()),
                authentication);
    }

    private void validate(WebhookRow row, boolean checkEndpoint) {
        if (row.name() == null || row.name().isBlank()) {
            throw WebhookInvalidException.blank("name");
        }
        maxLength("name", row.name(), MAX_NAME);
        if (row.description() != null) {
            maxLength("description", row.description(), MAX_DESCRIPTION);
        }
        if (row.endpoint() == null || row.endpoint().isBlank()) {
            throw WebhookInvalidException.blank("endpoint");
        }
        maxLength("endpoint", row.endpoint(), MAX_ENDPOINT);
        if (checkEndpoint) {
            try {
                policy.check(row.endpoint());
            } catch (EndpointPolicy.EndpointRefusedException e) {
                throw WebhookInvalidException.field("endpoint", e.getMessage());
            }
        }
        if (!HTTP_METHODS.contains(row.httpMethod())) {
            throw WebhookInvalidException.field(
                    "http_method", "\"" + row.httpMethod() + "\" is not one of " + String.join(", ", HTTP_METHODS));
        }
        if (!"json".equals(row.requestFormat())) {
            throw WebhookInvalidException.field(
                    "request_format",
                    "xml".equals(row.requestFormat()) || "form_encoded".equals(row.requestFormat())
                            ? "\"" + row.requestFormat() + "\" is not supported: desk sends json only"
                            : "\"" + row.requestFormat() + "\" is not one of json");
        }
        validateSubscriptions(row);
        validateHeaders(row.customHeaders());
        validateAuthentication(row.authentication());
    }

    private static void validateSubscriptions(WebhookRow row) {
        List<String> subscriptions = row.subscriptions();
        for (String subscription : subscriptions) {
            if (!subscription.equals(TicketEventType.CONDITIONAL_TICKET_EVENTS)
                    && TicketEventType.fromWireName(subscription).isEmpty()) {
                throw WebhookInvalidException.field(
                        "subscriptions",
                        "\"" + shorten(subscription) + "\" is not an event type desk emits; use "
                                + TicketEventType.CONDITIONAL_TICKET_EVENTS + " alone, or any of "
                                + String.join(", ", TicketEventType.wireNames()));
            }
        }
        if (subscriptions.contains(TicketEventType.CONDITIONAL_TICKET_EVENTS) && subscriptions.size() > 1) {
            throw WebhookInvalidException.field(
                    "subscriptions",
                    TicketEventType.CONDITIONAL_TICKET_EVENTS
                            + " cannot be combined with event types: a webhook is either called by triggers and"
                            + " automations or subscribed to events");
        }
        boolean events = !subscriptions.isEmpty() && !subscriptions.contains(TicketEventType.CONDITIONAL_TICKET_EVENTS);
        if (events && !"POST".equals(row.httpMethod())) {
            throw WebhookInvalidException.field(
                    "http_method",
                    "must be POST for a webhook subscribed to Zendesk events (got " + row.httpMethod() + ")");
        }
    }

    private static void validateHeaders(Map<String, String> headers) {
        if (headers.size() > OutboundHeaders.MAX_CUSTOM_HEADERS) {
            throw WebhookInvalidException.field(
                    "custom_headers",
                    "has " + headers.size() + " headers; the maximum is " + OutboundHeaders.MAX_CUSTOM_HEADERS);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String problem = OutboundHeaders.problemWithName(header.getKey());
            if (problem == null) {
                problem = OutboundHeaders.problemWithValue(header.getKey(), header.getValue());
            }
            if (problem != null) {
                throw WebhookInvalidException.field("custom_headers", problem);
            }
        }
    }

    private static void validateAuthentication(WebhookAuthentication auth) {
        if (auth == null) {
            return;
        }
        if (!WebhookAuthentication.HEADER.equals(auth.addPosition())) {
            throw WebhookInvalidException.field(
                    "authentication", "add_position \"" + shorten(auth.addPosition()) + "\" is not one of header");
        }
        switch (auth.type()) {
            case BASIC_AUTH:
                if (auth.publicPart() == null || auth.publicPart().isBlank()) {
                    throw WebhookInvalidException.blank("authentication.data.username");
                }
                if (auth.publicPart().contains(":") || auth.publicPart().length() > 255) {
                    throw WebhookInvalidException.field(
                            "authentication.data.username", "must not contain \":\" and has at most 255 characters");
                }
                break;
            case API_KEY:
                if (auth.publicPart() == null || auth.publicPart().isBlank()) {
                    throw WebhookInvalidException.blank("authentication.data.name");
                }
                String problem = OutboundHeaders.problemWithName(auth.publicPart());
                if (problem != null) {
                    throw WebhookInvalidException.field("authentication.data.name", problem);
                }
                break;
            default:
                break;
        }
    }

    private static String credentialField(WebhookAuthentication auth) {
        switch (auth.type()) {
            case BASIC_AUTH:
                return "authentication.data.password";
            case BEARER_TOKEN:
                return "authentication.data.token";
            default:
                return "authentication.data.value";
        }
    }

    private static String required(String credential, String field) {
        if (credential == null || credential.isEmpty()) {
            throw WebhookInvalidException.blank(field);
        }
        return credential;
    }

    private static List<String> changedFields(Webhook before, WebhookRow after, boolean credentialChanged) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.description(), after.description())) {
            changed.add("description");
        }
        if (before.status() != after.status()) {
            changed.add("status (" + before.status().wireName() + " → "
                    + after.status().wireName() + ")");
        }
        if (!Objects.equals(before.endpoint(), after.endpoint())) {
            changed.add("endpoint");
        }
        if (!Objects.equals(before.httpMethod(), after.httpMethod())) {
            changed.add("http_method (" + before.httpMethod() + " → " + after.httpMethod() + ")");
        }
        if (!Objects.equals(before.subscriptions(), after.subscriptions())) {
            changed.add("subscriptions");
        }
        if (!Objects.equals(before.customHeaders(), after.customHeaders())) {
            changed.add("custom_headers");
        }
        if (!Objects.equals(before.authentication(), after.authentication()) || credentialChanged) {
            changed.add("authentication");
        }
        return changed;
    }

    private static void maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw WebhookInvalidException.field(field, "is " + value.length() + " characters; the maximum is " + max);
        }
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String shorten(String value) {
        return value == null ? "null" : value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
