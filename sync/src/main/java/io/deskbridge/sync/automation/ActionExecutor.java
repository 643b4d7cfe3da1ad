package io.deskbridge.sync.automation;

import io.deskbridge.sync.context.TicketContext;
import io.deskbridge.sync.context.TicketContexts;
import io.deskbridge.sync.engine.ZendeskWriteFailedException;
import io.deskbridge.sync.engine.ZendeskWrites;
import io.deskbridge.sync.vault.Vault;
import io.deskbridge.sync.zendesk.ZendeskCallRefusedException;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries out the ledger's decided actions, each entry claimed by one instance for a lease. The
 * ticket write-back is one {@code PUT /api/v2/tickets/{id}.json} with Zendesk's {@code safe_update}
 * and, as {@code updated_stamp}, the ticket's {@code updated_at} read (and saved in the ledger)
 * before the first attempt: the stamp is the write-back's marker. A retry — after a failure, or
 * after the instance was killed between the write and its ledger record — first looks in the ticket
 * for the earlier write (the rule's comment posted since the stamp; without a comment, every field
 * already as the rule sets it) and records it as {@code recognised} instead of writing again; a
 * write against a ticket changed meanwhile is refused by Zendesk (409) and re-read. The
 * notification follows once the write-back ended; every step's outcome is recorded.
 */
@Component
class ActionExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActionExecutor.class);

    private final AutomationRepository repository;
    private final ZendeskWrites writes;
    private final Vault vault;
    private final TicketContexts contexts;
    private final AutomationProperties properties;
    private final Clock clock;
    private final Notifier notifier;
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private boolean woken;
    private Instant nextHousekeeping = Instant.MIN;

    ActionExecutor(
            AutomationRepository repository,
            ZendeskWrites writes,
            Vault vault,
            TicketContexts contexts,
            AutomationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.writes = writes;
        this.vault = vault;
        this.contexts = contexts;
        this.properties = properties;
        this.clock = clock;
        this.notifier = new Notifier(properties.notifyTimeout(), clock);
    }

    /** New entries were committed: look now instead of at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.executor()) {
            running = properties.executor() && running;
            return;
        }
        running = true;
        for (int i = 0; i < properties.threads(); i++) {
            boolean housekeeper = i == 0;
            Thread worker = new Thread(() -> work(housekeeper), "sync-automation-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work(boolean housekeeper) {
        while (running) {
            boolean worked = false;
            try {
                if (housekeeper) {
                    housekeeping();
                }
                Instant now = clock.instant();
                for (long id : repository.due(now, properties.threads() * 4)) {
                    if (!running) {
                        return;
                    }
                    Instant at = clock.instant();
                    if (repository.claim(id, at, at.plus(properties.lease()))) {
                        repository.entry(id).ifPresent(this::process);
                        worked = true;
                    }
                }
            } catch (RuntimeException e) {
                log.error("Automation executor: an unexpected failure; trying again shortly", e);
            }
            if (!worked) {
                pause();
            }
        }
    }

    private void pause() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(properties.pollingInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Works one claimed entry as far as it goes now: each step to its end, or to a later retry. */
    void process(LedgerEntry entry) {
        Instant now = clock.instant();
        if (entry.ticketOutcome() == StepOutcome.PENDING) {
            Step step = ticketStep(entry);
            if (step.retry()) {
                if (entry.attempts() + 1 >= properties.attempts()) {
                    repository.ticketStep(
                            entry.id(),
                            StepOutcome.FAILED,
                            "gave up after " + (entry.attempts() + 1) + " attempts; the last: " + step.detail(),
                            null);
                } else {
                    repository.ticketStep(entry.id(), StepOutcome.PENDING, step.detail(), null);
                    repository.retryAt(
                            entry.id(), now.plus(properties.backoff(entry.attempts() + 1)), step.forgetStamp());
                    return;
                }
            } else {
                repository.ticketStep(entry.id(), step.outcome(), step.detail(), step.written());
            }
        }
        if (entry.notifyOutcome() == StepOutcome.PENDING) {
            Notifier.Attempt attempt = sendNotification(entry);
            int attempts = entry.notifyAttempts() + 1;
            switch (attempt.result()) {
                case DELIVERED -> repository.notifyStep(entry.id(), StepOutcome.SUCCEEDED, attempt.detail());
                case REFUSED -> repository.notifyStep(entry.id(), StepOutcome.FAILED, attempt.detail());
                case RETRY -> {
                    if (attempts >= properties.attempts()) {
                        repository.notifyStep(
                                entry.id(),
                                StepOutcome.FAILED,
                                "gave up after " + attempts + " attempts; the last: " + attempt.detail());
                    } else {
                        repository.notifyStep(entry.id(), StepOutcome.PENDING, attempt.detail());
                        repository.retryAt(entry.id(), now.plus(properties.backoff(attempts)), false);
                        return;
                    }
                }
            }
        }
        repository.finish(entry.id(), clock.instant());
    }

    /** A read that looks for an earlier write got no usable answer: the attempt is retried. */
    private static final class ReadFailedException extends RuntimeException {
        ReadFailedException(String message) {
            super(message);
        }
    }

    /** How a ticket step attempt ended. */
    private record Step(StepOutcome outcome, String detail, String written, boolean retry, boolean forgetStamp) {
        static Step ended(StepOutcome outcome, String detail, String written) {
            return new Step(outcome, detail, written, false, false);
        }

        static Step retry(String detail, boolean forgetStamp) {
            return new Step(StepOutcome.PENDING, detail, null, true, forgetStamp);
        }
    }

    private Step ticketStep(LedgerEntry entry) {
        long connectionId = entry.connectionId();
        String path = "/api/v2/tickets/" + entry.ticketId() + ".json";
        try {
            String stamp = entry.ticketStamp();
            if (stamp == null) {
                ZendeskResponse read = writes.send(connectionId, "GET", path, null);
                if (read.status() == 404) {
                    return Step.ended(
                            StepOutcome.FAILED, "ticket " + entry.ticketId() + " no longer exists (HTTP 404)", null);
                }
                if (!read.ok() || read.body() == null) {
                    return Step.retry("reading the ticket: " + read.errorSummary(), false);
                }
                stamp = read.body().path("ticket").path("updated_at").asString(null);
                repository.saveStamp(entry.id(), stamp);
            } else {
                Optional<String> landed = landed(entry, stamp);
                if (landed.isPresent()) {
                    return Step.ended(
                            StepOutcome.RECOGNISED,
                            "an earlier attempt's write-back was found in the ticket (made after " + stamp + ")",
                            landed.get());
                }
                repository.countAttempt(entry.id());
            }
            ObjectNode ticket = ((ObjectNode) entry.plan().update()).deepCopy();
            ticket.put("safe_update", true);
            ticket.put("updated_stamp", stamp);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("ticket", ticket);
            ZendeskResponse written = writes.send(connectionId, "PUT", path, body);
            if (written.ok() && written.body() != null) {
                return Step.ended(
                        StepOutcome.SUCCEEDED,
                        "HTTP " + written.status(),
                        written.body().path("ticket").path("updated_at").asString(null));
            }
            int status = written.status();
            if (status == 409) {
                Optional<String> landed = landed(entry, stamp);
                if (landed.isPresent()) {
                    return Step.ended(
                            StepOutcome.RECOGNISED,
                            "an earlier attempt's write-back was found in the ticket (made after " + stamp + ")",
                            landed.get());
                }
                return Step.retry("the ticket changed since it was read (HTTP 409); reading it again", true);
            }
            if (status == 404 || status == 400 || status == 422 || status == 403) {
                return Step.ended(StepOutcome.FAILED, written.errorSummary(), null);
            }
            return Step.retry(written.errorSummary(), false);
        } catch (ZendeskUnreachableException | ZendeskWriteFailedException | ReadFailedException e) {
            return Step.retry(e.getMessage(), false);
        } catch (ZendeskCallRefusedException e) {
            return Step.ended(StepOutcome.FAILED, e.getMessage(), null);
        }
    }

    /**
     * The {@code updated_at} of an earlier attempt's write-back when the ticket shows it: the rule's
     * comment posted at or after {@code stamp} (known limit: another firing of the same rule on the
     * same ticket within that second would look the same), or (no comment) every field already as the
     * rule sets it, which makes writing again pointless.
     */
    private Optional<String> landed(LedgerEntry entry, String stamp) {
        long connectionId = entry.connectionId();
        ZendeskResponse read = writes.send(connectionId, "GET", "/api/v2/tickets/" + entry.ticketId() + ".json", null);
        if (!read.ok() || read.body() == null) {
            throw new ReadFailedException(
                    "reading the ticket to look for an earlier write failed: " + read.errorSummary());
        }
        JsonNode ticket = read.body().path("ticket");
        String updatedAt = ticket.path("updated_at").asString(null);
        // Not "updated_at is still the stamp, so nothing landed": Zendesk's times are whole seconds, and a
        // write-back in the second its stamp was read leaves updated_at as it was.
        if (updatedAt == null) {
            return Optional.empty();
        }
        JsonNode update = entry.plan().update();
        JsonNode comment = update.get("comment");
        if (comment == null) {
            return Planner.holds(update, Snapshot.of(ticket)) ? Optional.of(updatedAt) : Optional.empty();
        }
        Instant since = ConditionMatcher.instant(stamp);
        String body = comment.path("body").asString().strip();
        ZendeskResponse comments = writes.send(
                connectionId,
                "GET",
                "/api/v2/tickets/" + entry.ticketId() + "/comments.json?sort_order=desc&per_page=100",
                null);
        if (!comments.ok() || comments.body() == null) {
            throw new ReadFailedException(
                    "reading the comments to look for an earlier write failed: " + comments.errorSummary());
        }
        for (JsonNode c : comments.body().path("comments")) {
            Instant created = ConditionMatcher.instant(c.path("created_at").asString(null));
            if (created != null && since != null && created.isBefore(since)) {
                break;
            }
            if (body.equals(c.path("body").asString("").strip())) {
                return Optional.of(c.path("created_at").asString());
            }
        }
        return Optional.empty();
    }

    private Notifier.Attempt sendNotification(LedgerEntry entry) {
        Optional<Rule> rule = repository.ruleAnyState(entry.ruleId());
        Optional<String> secret = repository
                .secret(entry.ruleId())
                .map(stored -> new String(
                        vault.open(stored, RuleSecrets.binding(entry.connectionId(), entry.ruleId())),
                        StandardCharsets.UTF_8));
        if (rule.isEmpty() || secret.isEmpty()) {
            return new Notifier.Attempt(Notifier.Result.REFUSED, "the rule no longer exists");
        }
        TicketContext context;
        try {
            context = contexts.context(entry.connectionId(), entry.ticketId());
        } catch (RuntimeException e) {
            context = null;
        }
        NotifyPayload payload = new NotifyPayload(
                entry.id(),
                entry.connectionId(),
                new NotifyPayload.RuleRef(rule.get().id(), rule.get().title()),
                entry.ticketId(),
                entry.ticketVersion(),
                entry.plan().actions(),
                context);
        byte[] body = AutomationRepository.JSON.writeValueAsBytes(payload);
        return notifier.post(entry.plan().notifyUrl(), entry.id(), secret.get(), body);
    }

    /** Time rules against every synced ticket, and old recorded changes removed. */
    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(properties.timeRulesInterval());
        repository.deleteChangesBefore(now.minus(properties.changeRetention()));
        boolean decided = false;
        for (Rule rule : repository.activeTimeRules()) {
            long after = 0;
            while (running) {
                List<AutomationRepository.SyncedVersion> page =
                        repository.syncedTickets(rule.connectionId(), after, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (AutomationRepository.SyncedVersion t : page) {
                    if (Decider.matches(rule, Decider.timeFacts(t.ticket(), now))
                            && !repository.fired(rule.id(), t.id(), t.version())) {
                        try {
                            repository.insertEntry(
                                    rule.connectionId(),
                                    rule.id(),
                                    t.id(),
                                    t.version(),
                                    null,
                                    0,
                                    Planner.plan(rule.actions()),
                                    now);
                            decided = true;
                        } catch (DuplicateKeyException e) {
                            // Another instance decided it at the same moment: it fired once.
                        }
                    }
                }
                after = page.get(page.size() - 1).id();
            }
        }
        if (decided) {
            wake();
        }
    }
}
