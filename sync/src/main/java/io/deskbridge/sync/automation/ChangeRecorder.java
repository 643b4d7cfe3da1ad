package io.deskbridge.sync.automation;

import io.deskbridge.sync.engine.CommentAdded;
import io.deskbridge.sync.engine.SyncedChangeListener;
import io.deskbridge.sync.engine.TicketVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Records each synced change of a connection that has rules and decides, in the synced page's own
 * transaction, which active rules fire: each decision is a ledger row keyed (rule, ticket, version),
 * so it commits with the page or not at all and is never made twice. A change that is a rule's own
 * write-back coming back (its {@code updated_at} is the one the write-back produced, or — before the
 * executor could record that — it changes nothing but what the write-back sets) is marked as that
 * rule's echo: it does not fire that rule, and fires others one chain step deeper.
 */
@Component
class ChangeRecorder implements SyncedChangeListener {

    private final AutomationRepository repository;
    private final AutomationProperties properties;
    private final ActionExecutor executor;
    private final Clock clock;

    ChangeRecorder(
            AutomationRepository repository, AutomationProperties properties, ActionExecutor executor, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public boolean watches(long connectionId) {
        return repository.hasRules(connectionId);
    }

    @Override
    public void ticketsChanged(long connectionId, List<TicketVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<Rule> rules = repository.activeRules(connectionId);
        Instant now = clock.instant();
        for (TicketVersion v : versions) {
            Map<String, List<String>> diff = Snapshot.diff(Snapshot.of(v.before()), Snapshot.of(v.after()));
            RuleEvent event = v.before() == null ? RuleEvent.TICKET_CREATED : RuleEvent.TICKET_UPDATED;
            Instant changedAt = Optional.ofNullable(
                            ConditionMatcher.instant(Snapshot.text(v.after().get("updated_at"))))
                    .orElse(now);
            Optional<LedgerEntry> echo = v.before() == null ? Optional.empty() : echo(connectionId, v, diff);
            echo.ifPresent(e -> repository.echoSeen(e.id()));
            record(connectionId, rules, v.ticketId(), v.version(), event, changedAt, diff, v.after(), null, echo, now);
        }
    }

    @Override
    public void commentsAdded(long connectionId, List<CommentAdded> comments) {
        if (comments.isEmpty()) {
            return;
        }
        List<Rule> rules = repository.activeRules(connectionId);
        Instant now = clock.instant();
        for (CommentAdded c : comments) {
            JsonNode ticket = repository
                    .syncedTicket(connectionId, c.ticketId())
                    .map(AutomationRepository.JSON::readTree)
                    .orElseGet(() -> JsonNodeFactory.instance.objectNode().put("id", c.ticketId()));
            Instant changedAt = Optional.ofNullable(
                            ConditionMatcher.instant(Snapshot.text(c.comment().get("created_at"))))
                    .orElse(Instant.ofEpochSecond(c.version()));
            Optional<LedgerEntry> echo = commentEcho(connectionId, c);
            echo.ifPresent(e -> repository.commentEchoSeen(e.id()));
            // Decision: a comment event's "version" in the ledger key is the comment's id.
            record(
                    connectionId,
                    rules,
                    c.ticketId(),
                    c.commentId(),
                    RuleEvent.COMMENT_ADDED,
                    changedAt,
                    Map.of(),
                    ticket,
                    c.comment(),
                    echo,
                    now);
        }
    }

    private void record(
            long connectionId,
            List<Rule> rules,
            long ticketId,
            long version,
            RuleEvent event,
            Instant changedAt,
            Map<String, List<String>> diff,
            JsonNode ticket,
            JsonNode comment,
            Optional<LedgerEntry> echo,
            Instant now) {
        ChangeRow change = new ChangeRow(
                0,
                ticketId,
                version,
                event,
                changedAt,
                diff,
                ticket,
                comment,
                echo.map(LedgerEntry::id).orElse(null),
                echo.map(LedgerEntry::ruleId).orElse(null),
                echo.map(e -> e.chainDepth() + 1).orElse(0));
        long changeId = repository.insertChange(connectionId, change, now);
        boolean decided = false;
        for (Rule rule : rules) {
            if (Decider.fires(rule, change, properties.maxChainDepth(), true)
                    && !repository.fired(rule.id(), ticketId, version)) {
                repository.insertEntry(
                        connectionId,
                        rule.id(),
                        ticketId,
                        version,
                        changeId,
                        change.chainDepth(),
                        Planner.plan(rule.actions()),
                        now);
                decided = true;
            }
        }
        if (decided) {
            wakeExecutorAfterCommit();
        }
    }

    /** The ledger entry whose write-back this version is, if it is one. */
    private Optional<LedgerEntry> echo(long connectionId, TicketVersion v, Map<String, List<String>> diff) {
        String updatedAt = Snapshot.text(v.after().get("updated_at"));
        List<LedgerEntry> candidates = repository.awaitingEcho(connectionId, v.ticketId()).stream()
                .filter(e -> e.ticketVersion() < v.version())
                .toList();
        Optional<LedgerEntry> exact = candidates.stream()
                .filter(e -> Objects.equals(e.writtenUpdatedAt(), updatedAt))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        // Written but not recorded yet (in flight, or its instance was killed): judged by the diff.
        return candidates.stream()
                .filter(e -> e.ticketStamp() != null && e.writtenUpdatedAt() == null)
                .filter(e -> Planner.explains(e.plan().update(), diff))
                .findFirst();
    }

    private Optional<LedgerEntry> commentEcho(long connectionId, CommentAdded c) {
        String body = Snapshot.text(c.comment().get("body"));
        if (body == null) {
            return Optional.empty();
        }
        return repository.awaitingCommentEcho(connectionId, c.ticketId()).stream()
                .filter(e -> e.plan().update() != null && e.plan().update().has("comment"))
                .filter(e -> body.strip()
                        .equals(e.plan()
                                .update()
                                .get("comment")
                                .get("body")
                                .asString()
                                .strip()))
                .findFirst();
    }

    private void wakeExecutorAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.wake();
                }
            });
        } else {
            executor.wake();
        }
    }
}
