package io.deskbridge.sync.automation;

import io.deskbridge.sync.vault.SealedSecret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Rules, the change log and the action ledger (tables of V7_1). */
@Repository
class AutomationRepository {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<String>>> DIFF = new TypeReference<>() {};

    private final JdbcClient jdbc;

    AutomationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Rules

    /** Inserts the rule with an empty secret; {@link #setSecret} seals it for the new id in the same transaction. */
    long insertRule(long connectionId, RuleValidator.Valid rule, boolean active, int position, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO automation_rules (connection_id, title, active, position, event, conditions_json,
                    actions_json, active_since, secret_master_key_id, secret_wrapped_key, secret_ciphertext,
                    created_at, updated_at)
                VALUES (:c, :title, :active, :position, :event, :conditions, :actions, :since, :keyId, :wrapped,
                    :cipher, :now, :now)
                """)
                .param("c", connectionId)
                .param("title", rule.title())
                .param("active", active)
                .param("position", position)
                .param("event", rule.event().wireName())
                .param("conditions", JSON.writeValueAsString(rule.conditions()))
                .param("actions", JSON.writeValueAsString(rule.actions()))
                .param("since", active ? timestamp(now) : null)
                .param("keyId", 0)
                .param("wrapped", "")
                .param("cipher", "")
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateRule(long id, RuleValidator.Valid rule, boolean active, int position, Instant activeSince, Instant now) {
        jdbc.sql("""
                UPDATE automation_rules SET title = :title, active = :active, position = :position, event = :event,
                    conditions_json = :conditions, actions_json = :actions, active_since = :since, updated_at = :now
                 WHERE id = :id
                """)
                .param("id", id)
                .param("title", rule.title())
                .param("active", active)
                .param("position", position)
                .param("event", rule.event().wireName())
                .param("conditions", JSON.writeValueAsString(rule.conditions()))
                .param("actions", JSON.writeValueAsString(rule.actions()))
                .param("since", activeSince == null ? null : timestamp(activeSince))
                .param("now", timestamp(now))
                .update();
    }

    void deleteRule(long id, Instant now) {
        jdbc.sql("UPDATE automation_rules SET deleted = TRUE, active = FALSE, active_since = NULL, updated_at = :now"
                        + " WHERE id = :id")
                .param("id", id)
                .param("now", timestamp(now))
                .update();
    }

    Optional<Rule> rule(long connectionId, long id) {
        return jdbc.sql("SELECT * FROM automation_rules WHERE connection_id = :c AND id = :id AND deleted = FALSE")
                .param("c", connectionId)
                .param("id", id)
                .query(AutomationRepository::rule)
                .optional();
    }

    /** The rule, deleted or not (the ledger outlives deleted rules). */
    Optional<Rule> ruleAnyState(long id) {
        return jdbc.sql("SELECT * FROM automation_rules WHERE id = :id")
                .param("id", id)
                .query(AutomationRepository::rule)
                .optional();
    }

    void setSecret(long id, SealedSecret secret) {
        jdbc.sql("UPDATE automation_rules SET secret_master_key_id = :keyId, secret_wrapped_key = :wrapped,"
                        + " secret_ciphertext = :cipher WHERE id = :id")
                .param("id", id)
                .param("keyId", secret.masterKeyId())
                .param("wrapped", secret.wrappedKey())
                .param("cipher", secret.ciphertext())
                .update();
    }

    List<Rule> rules(long connectionId) {
        return jdbc.sql("SELECT * FROM automation_rules WHERE connection_id = :c AND deleted = FALSE"
                        + " ORDER BY position, id")
                .param("c", connectionId)
                .query(AutomationRepository::rule)
                .list();
    }

    List<Rule> activeRules(long connectionId) {
        return jdbc.sql("SELECT * FROM automation_rules WHERE connection_id = :c AND deleted = FALSE AND active = TRUE"
                        + " ORDER BY position, id")
                .param("c", connectionId)
                .query(AutomationRepository::rule)
                .list();
    }

    /** Active time rules of every connection. */
    List<Rule> activeTimeRules() {
        return jdbc.sql("SELECT * FROM automation_rules WHERE deleted = FALSE AND active = TRUE AND event = :e"
                        + " ORDER BY connection_id, position, id")
                .param("e", RuleEvent.TIME.wireName())
                .query(AutomationRepository::rule)
                .list();
    }

    boolean hasRules(long connectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM automation_rules WHERE connection_id = :c AND deleted = FALSE")
                        .param("c", connectionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    int nextPosition(long connectionId) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM automation_rules WHERE connection_id = :c"
                        + " AND deleted = FALSE")
                .param("c", connectionId)
                .query(Integer.class)
                .single();
    }

    /** Rules (deleted ones too) whose signing secret's data key another master key wrapped. */
    List<WrappedSecret> secretsNotWrappedBy(long primaryKeyId) {
        return jdbc.sql("SELECT id, connection_id, secret_master_key_id, secret_wrapped_key, secret_ciphertext"
                        + " FROM automation_rules WHERE secret_master_key_id <> :k")
                .param("k", primaryKeyId)
                .query((rs, n) -> new WrappedSecret(
                        rs.getLong("id"),
                        rs.getLong("connection_id"),
                        new SealedSecret(
                                rs.getLong("secret_master_key_id"),
                                rs.getString("secret_wrapped_key"),
                                rs.getString("secret_ciphertext"))))
                .list();
    }

    record WrappedSecret(long ruleId, long connectionId, SealedSecret sealed) {}

    void rewrapSecret(WrappedSecret old, SealedSecret rewrapped) {
        jdbc.sql("UPDATE automation_rules SET secret_master_key_id = :k, secret_wrapped_key = :w"
                        + " WHERE id = :id AND secret_wrapped_key = :old")
                .param("k", rewrapped.masterKeyId())
                .param("w", rewrapped.wrappedKey())
                .param("id", old.ruleId())
                .param("old", old.sealed().wrappedKey())
                .update();
    }

    Optional<SealedSecret> secret(long ruleId) {
        return jdbc.sql("SELECT secret_master_key_id, secret_wrapped_key, secret_ciphertext FROM automation_rules"
                        + " WHERE id = :id")
                .param("id", ruleId)
                .query((rs, n) -> new SealedSecret(
                        rs.getLong("secret_master_key_id"),
                        rs.getString("secret_wrapped_key"),
                        rs.getString("secret_ciphertext")))
                .optional();
    }

    // Change log

    long insertChange(long connectionId, ChangeRow change, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO automation_changes (connection_id, ticket_id, version, event, changed_at, diff_json,
                    ticket_json, comment_json, echo_of, echo_rule_id, chain_depth, recorded_at)
                VALUES (:c, :ticket, :version, :event, :changedAt, :diff, :ticketJson, :comment, :echoOf, :echoRule, :depth, :now)
                """)
                .param("c", connectionId)
                .param("ticket", change.ticketId())
                .param("version", change.version())
                .param("event", change.event().wireName())
                .param("changedAt", timestamp(change.changedAt()))
                .param("diff", JSON.writeValueAsString(change.diff()))
                .param("ticketJson", JSON.writeValueAsString(change.ticket()))
                .param("comment", change.comment() == null ? null : JSON.writeValueAsString(change.comment()))
                .param("echoOf", change.echoOf())
                .param("echoRule", change.echoRuleId())
                .param("depth", change.chainDepth())
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ChangeRow> changesSince(long connectionId, Instant since) {
        return jdbc.sql("SELECT * FROM automation_changes WHERE connection_id = :c AND changed_at >= :since"
                        + " ORDER BY id")
                .param("c", connectionId)
                .param("since", timestamp(since))
                .query((rs, n) -> new ChangeRow(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getLong("version"),
                        RuleEvent.fromWire(rs.getString("event")).orElseThrow(),
                        instant(rs, "changed_at"),
                        JSON.readValue(rs.getString("diff_json"), DIFF),
                        JSON.readTree(rs.getString("ticket_json")),
                        rs.getString("comment_json") == null ? null : JSON.readTree(rs.getString("comment_json")),
                        rs.getObject("echo_of", Long.class),
                        rs.getObject("echo_rule_id", Long.class),
                        rs.getInt("chain_depth")))
                .list();
    }

    int deleteChangesBefore(Instant before) {
        return jdbc.sql("DELETE FROM automation_changes WHERE recorded_at < :before")
                .param("before", timestamp(before))
                .update();
    }

    /** The stored JSON of a synced ticket, if it is stored. */
    Optional<String> syncedTicket(long connectionId, long ticketId) {
        return jdbc.sql("SELECT record_json FROM synced_tickets WHERE connection_id = :c AND id = :id")
                .param("c", connectionId)
                .param("id", ticketId)
                .query(String.class)
                .optional();
    }

    /** A page of a connection's synced tickets (not deleted) in id order: what time rules check. */
    List<SyncedVersion> syncedTickets(long connectionId, long afterId, int limit) {
        return jdbc.sql("SELECT id, generated_timestamp, record_json FROM synced_tickets WHERE connection_id = :c"
                        + " AND id > :after AND deleted = FALSE ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param("c", connectionId)
                .param("after", afterId)
                .query((rs, n) -> new SyncedVersion(
                        rs.getLong("id"),
                        rs.getLong("generated_timestamp"),
                        JSON.readTree(rs.getString("record_json"))))
                .list();
    }

    record SyncedVersion(long id, long version, JsonNode ticket) {}

    // Ledger

    boolean fired(long ruleId, long ticketId, long version) {
        return jdbc.sql("SELECT COUNT(*) FROM automation_ledger WHERE rule_id = :r AND ticket_id = :t"
                                + " AND ticket_version = :v")
                        .param("r", ruleId)
                        .param("t", ticketId)
                        .param("v", version)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertEntry(
            long connectionId,
            long ruleId,
            long ticketId,
            long version,
            Long changeId,
            int depth,
            Plan plan,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO automation_ledger (connection_id, rule_id, ticket_id, ticket_version, change_id,
                    chain_depth, decided_at, plan_json, state, next_attempt_at, ticket_outcome, notify_outcome)
                VALUES (:c, :r, :t, :v, :change, :depth, :now, :plan, :state, :now, :ticketOutcome, :notifyOutcome)
                """)
                .param("c", connectionId)
                .param("r", ruleId)
                .param("t", ticketId)
                .param("v", version)
                .param("change", changeId)
                .param("depth", depth)
                .param("now", timestamp(now))
                .param("plan", JSON.writeValueAsString(plan))
                .param("state", LedgerState.PENDING.name())
                .param("ticketOutcome", plan.writesTicket() ? StepOutcome.PENDING.name() : null)
                .param("notifyOutcome", plan.notifyUrl() != null ? StepOutcome.PENDING.name() : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Entries of the ticket that write it and whose write-back has not been seen coming back yet. */
    List<LedgerEntry> awaitingEcho(long connectionId, long ticketId) {
        return jdbc.sql("SELECT * FROM automation_ledger WHERE connection_id = :c AND ticket_id = :t"
                        + " AND ticket_outcome IS NOT NULL AND echo_seen = FALSE ORDER BY id")
                .param("c", connectionId)
                .param("t", ticketId)
                .query(AutomationRepository::entry)
                .list();
    }

    /** Entries of the ticket whose comment has not been seen coming back yet. */
    List<LedgerEntry> awaitingCommentEcho(long connectionId, long ticketId) {
        return jdbc.sql("SELECT * FROM automation_ledger WHERE connection_id = :c AND ticket_id = :t"
                        + " AND ticket_outcome IS NOT NULL AND comment_echo_seen = FALSE ORDER BY id")
                .param("c", connectionId)
                .param("t", ticketId)
                .query(AutomationRepository::entry)
                .list();
    }

    void echoSeen(long id) {
        jdbc.sql("UPDATE automation_ledger SET echo_seen = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    void commentEchoSeen(long id) {
        jdbc.sql("UPDATE automation_ledger SET comment_echo_seen = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Ids of pending entries due now and not held by a live claim, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM automation_ledger WHERE state = :s AND next_attempt_at <= :now"
                        + " AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param("s", LedgerState.PENDING.name())
                .param("now", timestamp(now))
                .query(Long.class)
                .list();
    }

    /** Claims the entry until {@code until} unless another claim holds it; true when this one got it. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("UPDATE automation_ledger SET claimed_until = :until WHERE id = :id AND state = :s"
                                + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
                        .param("id", id)
                        .param("s", LedgerState.PENDING.name())
                        .param("now", timestamp(now))
                        .param("until", timestamp(until))
                        .update()
                == 1;
    }

    Optional<LedgerEntry> entry(long id) {
        return jdbc.sql("SELECT * FROM automation_ledger WHERE id = :id")
                .param("id", id)
                .query(AutomationRepository::entry)
                .optional();
    }

    void saveStamp(long id, String stamp) {
        jdbc.sql("UPDATE automation_ledger SET ticket_stamp = :stamp, attempts = attempts + 1 WHERE id = :id")
                .param("id", id)
                .param("stamp", stamp)
                .update();
    }

    void countAttempt(long id) {
        jdbc.sql("UPDATE automation_ledger SET attempts = attempts + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    void ticketStep(long id, StepOutcome outcome, String detail, String written) {
        jdbc.sql("UPDATE automation_ledger SET ticket_outcome = :o, ticket_detail = :d, written_updated_at = :w"
                        + " WHERE id = :id")
                .param("id", id)
                .param("o", outcome.name())
                .param("d", truncate(detail))
                .param("w", written)
                .update();
    }

    void notifyStep(long id, StepOutcome outcome, String detail) {
        jdbc.sql("UPDATE automation_ledger SET notify_outcome = :o, notify_detail = :d,"
                        + " notify_attempts = notify_attempts + 1 WHERE id = :id")
                .param("id", id)
                .param("o", outcome.name())
                .param("d", truncate(detail))
                .update();
    }

    /** Tries again at {@code at} (the claim ends); {@code stamp} replaces the saved one (null: read it again). */
    void retryAt(long id, Instant at, boolean forgetStamp) {
        jdbc.sql("UPDATE automation_ledger SET next_attempt_at = :at, claimed_until = NULL"
                        + (forgetStamp ? ", ticket_stamp = NULL" : "") + " WHERE id = :id")
                .param("id", id)
                .param("at", timestamp(at))
                .update();
    }

    void finish(long id, Instant now) {
        jdbc.sql("UPDATE automation_ledger SET state = :s, finished_at = :now, claimed_until = NULL WHERE id = :id")
                .param("id", id)
                .param("s", LedgerState.DONE.name())
                .param("now", timestamp(now))
                .update();
    }

    List<LedgerEntry> history(long ruleId, int limit) {
        return jdbc.sql("SELECT * FROM automation_ledger WHERE rule_id = :r ORDER BY id DESC FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param("r", ruleId)
                .query(AutomationRepository::entry)
                .list();
    }

    /** Per rule of the connection that fired: how many ledger entries it has and the newest one's decision time. */
    Map<Long, Firings> firings(long connectionId) {
        return jdbc
                .sql("SELECT rule_id, COUNT(*) AS n, MAX(decided_at) AS last_at FROM automation_ledger"
                        + " WHERE connection_id = :c GROUP BY rule_id")
                .param("c", connectionId)
                .query((rs, n) -> new Firings(rs.getLong("rule_id"), rs.getLong("n"), instant(rs, "last_at")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Firings::ruleId, f -> f));
    }

    record Firings(long ruleId, long count, Instant lastAt) {}

    /** The stored JSON of the connection's newest synced tickets (by id), at most {@code limit}. */
    List<String> newestSyncedTickets(long connectionId, int limit) {
        return jdbc.sql("SELECT record_json FROM synced_tickets WHERE connection_id = :c AND deleted = FALSE"
                        + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param("c", connectionId)
                .query(String.class)
                .list();
    }

    long countHistory(long ruleId) {
        return jdbc.sql("SELECT COUNT(*) FROM automation_ledger WHERE rule_id = :r")
                .param("r", ruleId)
                .query(Long.class)
                .single();
    }

    private static Rule rule(ResultSet rs, int n) throws SQLException {
        return new Rule(
                rs.getLong("id"),
                rs.getLong("connection_id"),
                rs.getString("title"),
                rs.getBoolean("active"),
                rs.getInt("position"),
                RuleEvent.fromWire(rs.getString("event")).orElseThrow(),
                JSON.readValue(rs.getString("conditions_json"), RuleConditions.class),
                JSON.readValue(rs.getString("actions_json"), ACTIONS),
                instant(rs, "active_since"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getLong("connection_id"),
                rs.getLong("rule_id"),
                rs.getLong("ticket_id"),
                rs.getLong("ticket_version"),
                rs.getInt("chain_depth"),
                instant(rs, "decided_at"),
                JSON.readValue(rs.getString("plan_json"), Plan.class),
                LedgerState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("ticket_stamp"),
                outcome(rs.getString("ticket_outcome")),
                rs.getString("ticket_detail"),
                rs.getString("written_updated_at"),
                outcome(rs.getString("notify_outcome")),
                rs.getString("notify_detail"),
                rs.getInt("notify_attempts"),
                instant(rs, "finished_at"));
    }

    private static StepOutcome outcome(String name) {
        return name == null ? null : StepOutcome.valueOf(name);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
