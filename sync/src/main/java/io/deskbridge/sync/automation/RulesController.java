package io.deskbridge.sync.automation;

import io.deskbridge.sync.api.RecordInvalidException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A connection's automation rules: CRUD, dry runs and history. */
@RestController
@Tag(
        name = RulesController.TAG,
        description = "Rules that act on synced changes: conditions in Zendesk's trigger format, a ticket"
                + " write-back through the Zendesk API and a signed notification, each (rule, ticket, ticket"
                + " version) fired exactly once through a durable ledger. Notifications are POSTs of JSON signed"
                + " like Zendesk's webhooks: X-Deskbridge-Signature = base64(HMAC-SHA256(signing secret,"
                + " X-Deskbridge-Signature-Timestamp + body)); X-Deskbridge-Delivery stays the same over retries.")
class RulesController {

    static final String TAG = "Automation rules";
    private static final String RULES = "/api/connections/{id}/rules";
    private static final String RULE = RULES + "/{ruleId}";

    private final Rules rules;

    RulesController(Rules rules) {
        this.rules = rules;
    }

    /** {@code {"rule": {...}}} as sent. */
    record RuleRequestBody(RuleRequest rule) {}

    /** {@code {"rule": {...}}}. */
    record RuleBody(Rule rule) {}

    /** {@code {"rules": [...]}}. */
    record RulesBody(List<Rule> rules) {}

    /** {@code {"rule": {...}, "signing_secret": "..."}}: the secret is shown this once. */
    record CreatedRuleBody(Rule rule, String signingSecret) {}

    /** {@code {"deleted_rule": {"id": 5}}}. */
    record DeletedRuleBody(DeletedRule deletedRule) {
        record DeletedRule(long id) {}
    }

    /** {@code {"dry_run": {...}}}. */
    record DryRunBody(DryRun dryRun) {}

    /** {@code {"history": {...}}}. */
    record HistoryBody(RuleHistory history) {}

    @GetMapping(RULES)
    @Operation(summary = "List automation rules", description = "The connection's rules in evaluation order.")
    @ApiResponse(responseCode = "200", description = "The rules")
    @ApiResponse(responseCode = "404", description = "No such connection")
    RulesBody list(@PathVariable long id) {
        return new RulesBody(rules.list(id));
    }

    @PostMapping(RULES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an automation rule",
            description = "Event (ticket.created, ticket.updated, ticket.solved, ticket.comment_added, time),"
                    + " conditions {all, any} of {field, operator, value} as in Zendesk's triggers, actions {field,"
                    + " value}. The rule reacts to changes made from now on. The answer carries the notification"
                    + " signing secret, shown this once.")
    @ApiResponse(responseCode = "201", description = "The rule and its signing secret")
    @ApiResponse(responseCode = "404", description = "No such connection")
    @ApiResponse(responseCode = "422", description = "A part of the rule is wrong; the description names it")
    CreatedRuleBody create(@PathVariable long id, @RequestBody(required = false) RuleRequestBody body) {
        CreatedRule created = rules.create(id, rule(body));
        return new CreatedRuleBody(created.rule(), created.signingSecret());
    }

    @GetMapping(RULE)
    @Operation(summary = "Show an automation rule")
    @ApiResponse(responseCode = "200", description = "The rule")
    @ApiResponse(responseCode = "404", description = "No such connection or rule")
    RuleBody get(@PathVariable long id, @PathVariable long ruleId) {
        return new RuleBody(rules.get(id, ruleId));
    }

    @PutMapping(RULE)
    @Operation(
            summary = "Update an automation rule",
            description = "Replaces the parts the body has. Switching a rule on again makes it react to changes"
                    + " from then on, not to those made while it was off.")
    @ApiResponse(responseCode = "200", description = "The rule as changed")
    @ApiResponse(responseCode = "404", description = "No such connection or rule")
    @ApiResponse(responseCode = "422", description = "A part of the rule is wrong; the description names it")
    RuleBody update(
            @PathVariable long id, @PathVariable long ruleId, @RequestBody(required = false) RuleRequestBody body) {
        return new RuleBody(rules.update(id, ruleId, rule(body)));
    }

    @DeleteMapping(RULE)
    @Operation(
            summary = "Delete an automation rule",
            description = "The rule fires no more; actions already decided are still carried out.")
    @ApiResponse(responseCode = "200", description = "The deleted rule's id")
    @ApiResponse(responseCode = "404", description = "No such connection or rule")
    DeletedRuleBody delete(@PathVariable long id, @PathVariable long ruleId) {
        rules.delete(id, ruleId);
        return new DeletedRuleBody(new DeletedRuleBody.DeletedRule(ruleId));
    }

    @PostMapping(RULE + "/dry-run")
    @Operation(
            summary = "Dry-run an automation rule",
            description = "Evaluates the rule, active or not, over the changes synced in the last days (a time"
                    + " rule: over the synced tickets as they stand) exactly as the live rule is evaluated, and"
                    + " lists what it would do. Nothing is done and no Zendesk request is made.")
    @ApiResponse(responseCode = "200", description = "The matching changes and the planned actions")
    @ApiResponse(responseCode = "404", description = "No such connection or rule")
    @ApiResponse(responseCode = "422", description = "days is outside 1..30")
    DryRunBody dryRun(
            @PathVariable long id,
            @PathVariable long ruleId,
            @Parameter(description = "How many days back, 1 to 30 (default 7)") @RequestParam(required = false)
                    Integer days) {
        return new DryRunBody(rules.dryRun(id, ruleId, days));
    }

    @GetMapping(RULE + "/history")
    @Operation(
            summary = "Show an automation rule's history",
            description = "The rule's firings, newest first: ticket, ticket version, chain depth, and each"
                    + " action's outcome (pending, succeeded, recognised — an earlier attempt's write found in"
                    + " the ticket after a crash — or failed, with the detail).")
    @ApiResponse(responseCode = "200", description = "The firings")
    @ApiResponse(responseCode = "404", description = "No such connection or rule")
    @ApiResponse(responseCode = "422", description = "limit is outside 1..1000")
    HistoryBody history(
            @PathVariable long id,
            @PathVariable long ruleId,
            @Parameter(description = "At most this many firings, 1 to 1000 (default 100)")
                    @RequestParam(required = false)
                    Integer limit) {
        return new HistoryBody(rules.history(id, ruleId, limit));
    }

    private static RuleRequest rule(RuleRequestBody body) {
        if (body == null || body.rule() == null) {
            throw new RecordInvalidException("rule", "Blank", "The body needs a rule: {\"rule\": {...}}");
        }
        return body.rule();
    }
}
