package io.deskbridge.sync.automation;

import io.deskbridge.sync.address.AddressProperties;
import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Automation rules' public face: create, change, list and delete a connection's rules, dry-run one,
 * and read its history. Rules fire from the sync itself ({@link ChangeRecorder}); their actions are
 * carried out by {@link ActionExecutor}.
 */
@Service
public class Rules {

    static final int MAX_DRY_RUN_DAYS = 30;
    static final int DEFAULT_DRY_RUN_DAYS = 7;
    static final int DEFAULT_HISTORY = 100;
    static final int MAX_HISTORY = 1000;
    static final int MAX_RULES = 500;
    static final int CUSTOM_FIELD_SAMPLE = 200;

    private final AutomationRepository repository;
    private final Connections connections;
    private final Vault vault;
    private final AddressProperties addresses;
    private final AutomationProperties properties;
    private final Clock clock;

    Rules(
            AutomationRepository repository,
            Connections connections,
            Vault vault,
            AddressProperties addresses,
            AutomationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.vault = vault;
        this.addresses = addresses;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Rule> list(long connectionId) {
        connections.get(connectionId);
        return repository.rules(connectionId);
    }

    /** The connection's rules in evaluation order, each with how often and when it last fired. */
    @Transactional(readOnly = true)
    public List<RuleSummary> summaries(long connectionId) {
        connections.get(connectionId);
        Map<Long, AutomationRepository.Firings> firings = repository.firings(connectionId);
        return repository.rules(connectionId).stream()
                .map(r -> {
                    AutomationRepository.Firings f = firings.get(r.id());
                    return new RuleSummary(r, f == null ? 0 : f.count(), f == null ? null : f.lastAt());
                })
                .toList();
    }

    /**
     * What the connection's rules may say, for editors. Decision: sync syncs no ticket field
     * definitions yet, so the custom fields offered are those the newest synced tickets carry (by id);
     * with no synced tickets, the fixed fields only ({@code custom_fields_<id>} can still be typed).
     */
    @Transactional(readOnly = true)
    public RuleVocabulary vocabulary(long connectionId) {
        connections.get(connectionId);
        Set<Long> customIds = new TreeSet<>();
        List<String> sample = repository.newestSyncedTickets(connectionId, CUSTOM_FIELD_SAMPLE);
        for (String ticket : sample) {
            JsonNode fields = AutomationRepository.JSON.readTree(ticket).path("custom_fields");
            for (JsonNode field : fields) {
                if (field.path("id").canConvertToLong()) {
                    customIds.add(field.path("id").asLong());
                }
            }
        }
        List<RuleVocabulary.ConditionField> fields = new ArrayList<>();
        RuleFields.LABELS.forEach((name, label) -> fields.add(new RuleVocabulary.ConditionField(
                name, label, RuleFields.operatorNames(name), RuleFields.choices(name))));
        List<String> actionFields = new ArrayList<>(RuleFields.ACTION_FIELDS);
        for (long customId : customIds) {
            String name = "custom_fields_" + customId;
            fields.add(new RuleVocabulary.ConditionField(
                    name, "Custom field " + customId, RuleFields.operatorNames(name), List.of()));
            actionFields.add(name);
        }
        String source = sample.isEmpty()
                ? "No synced tickets yet: custom fields are not listed (type custom_fields_<id>)."
                : customIds.size() + " custom field" + (customIds.size() == 1 ? "" : "s") + " seen on the newest "
                        + sample.size() + " synced tickets.";
        return new RuleVocabulary(
                Arrays.stream(RuleEvent.values()).map(RuleEvent::wireName).toList(),
                Arrays.stream(Operator.values()).map(o -> o.wireName).toList(),
                fields,
                actionFields,
                source);
    }

    /** @throws RuleNotFoundException when the connection has no such rule */
    @Transactional(readOnly = true)
    public Rule get(long connectionId, long ruleId) {
        connections.get(connectionId);
        return repository
                .rule(connectionId, ruleId)
                .orElseThrow(() -> RuleNotFoundException.forId(connectionId, ruleId));
    }

    /**
     * Creates a rule (active unless {@code active} is false), with a new signing secret.
     *
     * @throws RecordInvalidException naming the part of the rule that is wrong
     */
    @Transactional
    public CreatedRule create(long connectionId, RuleRequest request) {
        connections.get(connectionId);
        if (request == null) {
            throw new RecordInvalidException("rule", "Blank", "The body needs a rule: {\"rule\": {...}}");
        }
        if (repository.rules(connectionId).size() >= MAX_RULES) {
            throw new RecordInvalidException(
                    "rule",
                    "TooMany",
                    "Connection " + connectionId + " has " + MAX_RULES + " rules, the most it may have");
        }
        RuleValidator.Valid valid = RuleValidator.validate(
                request.title(), request.event(), request.conditions(), request.actions(), addresses.plainHttp());
        boolean active = request.active() == null || request.active();
        int position =
                request.position() == null ? repository.nextPosition(connectionId) : position(request.position());
        Instant now = clock.instant();
        long id = repository.insertRule(connectionId, valid, active, position, now);
        String secret = RuleSecrets.generate();
        repository.setSecret(
                id, vault.seal(secret.getBytes(StandardCharsets.UTF_8), RuleSecrets.binding(connectionId, id)));
        return new CreatedRule(repository.rule(connectionId, id).orElseThrow(), secret);
    }

    /**
     * Replaces the parts of a rule the request has. Switching a rule on (again) makes it react to
     * changes from now on, never to the ones made while it was off.
     */
    @Transactional
    public Rule update(long connectionId, long ruleId, RuleRequest request) {
        Rule current = get(connectionId, ruleId);
        if (request == null) {
            throw new RecordInvalidException("rule", "Blank", "The body needs a rule: {\"rule\": {...}}");
        }
        RuleValidator.Valid valid = RuleValidator.validate(
                request.title() != null ? request.title() : current.title(),
                request.event() != null ? request.event() : current.event().wireName(),
                request.conditions() != null ? request.conditions() : current.conditions(),
                request.actions() != null ? request.actions() : current.actions(),
                addresses.plainHttp());
        boolean active = request.active() != null ? request.active() : current.active();
        int position = request.position() != null ? position(request.position()) : current.position();
        Instant now = clock.instant();
        Instant since = !active ? null : current.active() ? current.activeSince() : now;
        repository.updateRule(ruleId, valid, active, position, since, now);
        return repository.rule(connectionId, ruleId).orElseThrow();
    }

    /** Deletes the rule: it fires no more; its history stays readable through the ledger. */
    @Transactional
    public void delete(long connectionId, long ruleId) {
        get(connectionId, ruleId);
        repository.deleteRule(ruleId, clock.instant());
    }

    /**
     * What the rule would have done over the changes synced in the last {@code days} days (1 to 30,
     * default 7), evaluated exactly as the live rule is, whether it is active or not; nothing is done.
     */
    @Transactional(readOnly = true)
    public DryRun dryRun(long connectionId, long ruleId, Integer days) {
        Rule rule = get(connectionId, ruleId);
        int span = days == null ? DEFAULT_DRY_RUN_DAYS : days;
        int maxDays = (int) Math.min(
                MAX_DRY_RUN_DAYS, Math.max(1, properties.changeRetention().toDays()));
        if (span < 1 || span > maxDays) {
            throw new RecordInvalidException(
                    "days",
                    "InvalidValue",
                    "Days must be from 1 to " + maxDays + " (changes are kept that long); it is " + span);
        }
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(span));
        PlannedActions planned = PlannedActions.of(Planner.plan(rule.actions()));
        List<DryRun.Match> matches = new ArrayList<>();
        long evaluated = 0;
        if (rule.event() == RuleEvent.TIME) {
            long after = 0;
            while (true) {
                List<AutomationRepository.SyncedVersion> page = repository.syncedTickets(connectionId, after, 500);
                if (page.isEmpty()) {
                    break;
                }
                for (AutomationRepository.SyncedVersion t : page) {
                    evaluated++;
                    if (Decider.matches(rule, Decider.timeFacts(t.ticket(), now))
                            && !repository.fired(rule.id(), t.id(), t.version())) {
                        matches.add(new DryRun.Match(t.id(), t.version(), RuleEvent.TIME.wireName(), now, 0, planned));
                    }
                }
                after = page.get(page.size() - 1).id();
            }
            return new DryRun(ruleId, span, since, evaluated, matches);
        }
        Set<String> seen = new HashSet<>();
        for (ChangeRow change : repository.changesSince(connectionId, since)) {
            evaluated++;
            if (Decider.fires(rule, change, properties.maxChainDepth(), false)
                    && seen.add(change.ticketId() + ":" + change.version())) {
                matches.add(new DryRun.Match(
                        change.ticketId(),
                        change.version(),
                        change.event().wireName(),
                        change.changedAt(),
                        change.chainDepth(),
                        planned));
            }
        }
        return new DryRun(ruleId, span, since, evaluated, matches);
    }

    /** The rule's newest {@code limit} firings (1 to 1000, default 100), each action with its outcome. */
    @Transactional(readOnly = true)
    public RuleHistory history(long connectionId, long ruleId, Integer limit) {
        get(connectionId, ruleId);
        int size = limit == null ? DEFAULT_HISTORY : limit;
        if (size < 1 || size > MAX_HISTORY) {
            throw new RecordInvalidException(
                    "limit", "InvalidValue", "Limit must be from 1 to " + MAX_HISTORY + "; it is " + size);
        }
        List<RuleHistory.Firing> firings =
                repository.history(ruleId, size).stream().map(Rules::firing).toList();
        return new RuleHistory(ruleId, repository.countHistory(ruleId), firings);
    }

    private static RuleHistory.Firing firing(LedgerEntry e) {
        List<RuleHistory.ActionOutcome> actions = new ArrayList<>();
        for (Action a : e.plan().actions()) {
            boolean notify = a.field().equals("notify");
            actions.add(new RuleHistory.ActionOutcome(
                    a.field(),
                    a.value(),
                    notify ? e.notifyOutcome() : e.ticketOutcome(),
                    notify ? e.notifyDetail() : e.ticketDetail()));
        }
        return new RuleHistory.Firing(
                e.id(),
                e.ticketId(),
                e.ticketVersion(),
                e.chainDepth(),
                e.decidedAt(),
                e.state().name().toLowerCase(java.util.Locale.ROOT),
                e.attempts(),
                e.finishedAt(),
                actions);
    }

    private static int position(int position) {
        if (position < 0 || position > 1_000_000) {
            throw new RecordInvalidException(
                    "position", "InvalidValue", "Position must be from 0 to 1000000; it is " + position);
        }
        return position;
    }
}
