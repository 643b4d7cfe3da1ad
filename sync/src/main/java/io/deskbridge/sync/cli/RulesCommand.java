package io.deskbridge.sync.cli;

import io.deskbridge.sync.automation.Action;
import io.deskbridge.sync.automation.Condition;
import io.deskbridge.sync.automation.DryRun;
import io.deskbridge.sync.automation.Rule;
import io.deskbridge.sync.automation.RuleConditions;
import io.deskbridge.sync.automation.RuleHistory;
import io.deskbridge.sync.automation.RuleRequest;
import io.deskbridge.sync.cli.SyncApi.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(
        name = "rules",
        description = "A connection's automation rules: list, add, test (dry run) and history.",
        mixinStandardHelpOptions = true,
        subcommands = {
            RulesCommand.ListAll.class,
            RulesCommand.Add.class,
            RulesCommand.Test.class,
            RulesCommand.History.class
        })
final class RulesCommand implements Runnable {

    /** Action lists and error details are cut to keep one row per firing; --json has them whole. */
    private static final int ACTIONS_WIDTH = 100;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a rules command: list, add, test or history");
    }

    /** {@code {"rules": [...]}}. */
    record RulesBody(List<Rule> rules) {}

    /** {@code {"rule": {...}, "signing_secret": "..."}}. */
    record CreatedRuleBody(Rule rule, String signingSecret) {}

    /** {@code {"dry_run": {...}}}. */
    record DryRunBody(DryRun dryRun) {}

    /** {@code {"history": {...}}}. */
    record HistoryBody(RuleHistory history) {}

    /** {@code {"rule": {...}}} as sent. */
    record RuleRequestBody(RuleRequest rule) {}

    @Command(name = "list", description = "List a connection's rules in evaluation order.")
    static final class ListAll extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @Override
        public Integer call() {
            Answer answer = api().get("api/connections/" + connectionId + "/rules");
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "POSITION", "ACTIVE", "EVENT", "TITLE", "CONDITIONS", "ACTIONS");
            for (Rule rule : answer.as(RulesBody.class).rules()) {
                table.row(
                        rule.id(),
                        rule.position(),
                        rule.active() ? "yes" : "no",
                        rule.event().wireName(),
                        rule.title(),
                        rule.conditions().all().size() + " all, "
                                + rule.conditions().any().size() + " any",
                        Formats.cut(actions(rule.actions()), ACTIONS_WIDTH));
            }
            table.print(out());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "add",
            description = {
                "Create a rule from a JSON file (the rule, or {\"rule\": {...}}, as the API takes it) or from options.",
                "Conditions: --all/--any 'FIELD OPERATOR [VALUE]', e.g. --all 'priority is urgent' --all 'current_tags"
                        + " includes vip'. Actions: --action FIELD=VALUE, e.g. --action group_id=360001 --action"
                        + " notify=https://hooks.example.com/x. A whole-number value is sent as a number.",
                "The notification signing secret is printed this once."
            })
    static final class Add extends CliCommand {

        @Parameters(paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--file", paramLabel = "<rule.json>", description = "the rule as JSON, as the API takes it")
            Path file;

            @ArgGroup(exclusive = false)
            Flags flags;
        }

        static final class Flags {
            @Option(names = "--title", required = true, paramLabel = "<title>", description = "the rule's title")
            String title;

            @Option(
                    names = "--event",
                    paramLabel = "<event>",
                    defaultValue = "ticket.updated",
                    description = "ticket.created, ticket.updated (default), ticket.solved, ticket.comment_added or"
                            + " time")
            String event;

            @Option(names = "--all", paramLabel = "<condition>", description = "a condition every change must meet")
            List<String> all = new ArrayList<>();

            @Option(names = "--any", paramLabel = "<condition>", description = "one of these must hold")
            List<String> any = new ArrayList<>();

            @Option(names = "--action", required = true, paramLabel = "<field=value>", description = "what to do")
            List<String> actions = new ArrayList<>();

            @Option(names = "--inactive", description = "create it switched off")
            boolean inactive;

            @Option(names = "--position", paramLabel = "<n>", description = "evaluation order (default: last)")
            Integer position;
        }

        @Override
        public Integer call() {
            String body = source.file != null ? fromFile(source.file) : fromFlags(source.flags);
            Answer answer = api().post("api/connections/" + connectionId + "/rules", body);
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            CreatedRuleBody created = answer.as(CreatedRuleBody.class);
            Rule rule = created.rule();
            out().println("Created rule " + rule.id() + " \"" + rule.title() + "\" on connection " + connectionId
                    + " (" + (rule.active() ? "active" : "inactive") + ", position " + rule.position() + ", "
                    + rule.event().wireName() + ")");
            out().println("Notification signing secret (shown this once): " + created.signingSecret());
            return ExitCodes.OK;
        }

        private String fromFile(Path file) {
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(Files.readString(file));
            } catch (NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "--file " + file + ": no such file");
            } catch (IOException e) {
                throw new ParameterException(
                        spec.commandLine(), "--file " + file + ": cannot read it (" + e.getMessage() + ")");
            } catch (JacksonException e) {
                throw new ParameterException(
                        spec.commandLine(), "--file " + file + " is not JSON: " + e.getOriginalMessage());
            }
            if (json == null || !json.isObject()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--file " + file + " must hold a JSON object: the rule, or {\"rule\": {...}}");
            }
            if (json.has("rule")) {
                return Json.MAPPER.writeValueAsString(json);
            }
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set("rule", json);
            return Json.MAPPER.writeValueAsString(wrapped);
        }

        private String fromFlags(Flags flags) {
            List<Action> actions = new ArrayList<>();
            for (String action : flags.actions) {
                int eq = action.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--action '" + action
                                    + "' must be FIELD=VALUE, like group_id=360001 or add_tags=escalated");
                }
                actions.add(new Action(action.substring(0, eq).strip(), value(action.substring(eq + 1))));
            }
            RuleRequest rule = new RuleRequest(
                    flags.title,
                    !flags.inactive,
                    flags.position,
                    flags.event,
                    new RuleConditions(conditions("--all", flags.all), conditions("--any", flags.any)),
                    actions);
            return Json.MAPPER.writeValueAsString(new RuleRequestBody(rule));
        }

        private List<Condition> conditions(String option, List<String> given) {
            List<Condition> conditions = new ArrayList<>();
            for (String condition : given) {
                String[] parts = condition.strip().split("\\s+", 3);
                if (parts.length < 2) {
                    throw new ParameterException(
                            spec.commandLine(),
                            option + " '" + condition
                                    + "' must be 'FIELD OPERATOR [VALUE]', like 'priority is urgent'");
                }
                conditions.add(new Condition(parts[0], parts[1], parts.length == 3 ? value(parts[2]) : null));
            }
            return conditions;
        }

        private static JsonNode value(String text) {
            String value = text.strip();
            if (value.matches("-?\\d{1,18}")) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
            }
            return JsonNodeFactory.instance.stringNode(value);
        }
    }

    @Command(
            name = "test",
            description = "Dry-run a rule over the changes synced in the last days: what it would have done. Nothing"
                    + " is done and Zendesk is not called.")
    static final class Test extends CliCommand {

        @Parameters(index = "0", paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @Parameters(index = "1", paramLabel = "<rule-id>", description = "the rule (active or not)")
        long ruleId;

        @Option(names = "--days", paramLabel = "<n>", description = "how many days back, 1 to 30 (default 7)")
        Integer days;

        @Override
        public Integer call() {
            String path = "api/connections/" + connectionId + "/rules/" + ruleId + "/dry-run"
                    + (days == null ? "" : "?days=" + days);
            Answer answer = api().post(path, null);
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            DryRun dryRun = answer.as(DryRunBody.class).dryRun();
            int matches = dryRun.matches().size();
            out().println("Dry run of rule " + ruleId + " over the last " + dryRun.days() + " days (since "
                    + dryRun.since() + "): " + Formats.count(dryRun.evaluated()) + " evaluated, " + matches
                    + (matches == 1 ? " match" : " matches"));
            if (matches == 0) {
                return ExitCodes.OK;
            }
            Table table = new Table("TICKET", "VERSION", "EVENT", "CHANGED AT", "DEPTH", "WOULD DO");
            for (DryRun.Match match : dryRun.matches()) {
                table.row(
                        match.ticketId(),
                        match.ticketVersion(),
                        match.event(),
                        match.changedAt(),
                        match.chainDepth(),
                        Formats.cut(actions(match.planned().actions()), ACTIONS_WIDTH));
            }
            table.print(out());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "history",
            description = "A rule's firings from the action ledger, newest first, with each action's outcome.")
    static final class History extends CliCommand {

        @Parameters(index = "0", paramLabel = "<connection-id>", description = "the connection")
        long connectionId;

        @Parameters(index = "1", paramLabel = "<rule-id>", description = "the rule")
        long ruleId;

        @Option(
                names = "--limit",
                paramLabel = "<n>",
                description = "at most this many firings, 1 to 1000 (default 100)")
        Integer limit;

        @Override
        public Integer call() {
            String path = "api/connections/" + connectionId + "/rules/" + ruleId + "/history"
                    + (limit == null ? "" : "?limit=" + limit);
            Answer answer = api().get(path);
            if (json()) {
                out().println(answer.body());
                return ExitCodes.OK;
            }
            RuleHistory history = answer.as(HistoryBody.class).history();
            out().println("Rule " + ruleId + " fired " + Formats.count(history.count())
                    + (history.count() == 1 ? " time" : " times")
                    + (history.count() > history.firings().size()
                            ? "; the newest " + history.firings().size() + " below"
                            : ""));
            if (history.firings().isEmpty()) {
                return ExitCodes.OK;
            }
            Table table = new Table("DECIDED AT", "TICKET", "VERSION", "STATE", "ATTEMPTS", "ACTIONS");
            for (RuleHistory.Firing firing : history.firings()) {
                String outcomes = firing.actions().stream()
                        .map(a -> a.field() + "=" + text(a.value()) + ": "
                                + (a.outcome() == null ? "pending" : a.outcome().wireName())
                                + (a.detail() == null ? "" : " (" + a.detail() + ")"))
                        .collect(Collectors.joining(", "));
                table.row(
                        firing.decidedAt(),
                        firing.ticketId(),
                        firing.ticketVersion(),
                        firing.state(),
                        firing.attempts(),
                        Formats.cut(outcomes, ACTIONS_WIDTH));
            }
            table.print(out());
            return ExitCodes.OK;
        }
    }

    static String actions(List<Action> actions) {
        return actions.stream().map(a -> a.field() + "=" + text(a.value())).collect(Collectors.joining(", "));
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false)
                    .map(RulesCommand::text)
                    .collect(Collectors.joining(" "));
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
