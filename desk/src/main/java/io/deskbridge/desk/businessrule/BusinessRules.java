package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Macros, triggers, automations, views and SLA policies (see package-info). */
@Service
public class BusinessRules {

    private final BusinessRuleRepository repository;
    private final TriggerCategoryRepository categories;
    private final Clock clock;

    BusinessRules(BusinessRuleRepository repository, TriggerCategoryRepository categories, Clock clock) {
        this.repository = repository;
        this.categories = categories;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BusinessRule> all(RuleKind kind) {
        return repository.all(kind);
    }

    @Transactional(readOnly = true)
    public BusinessRule get(RuleKind kind, long id) {
        return repository
                .find(kind, id)
                .orElseThrow(() -> new RecordNotFoundException("No " + kind.singular() + " with id " + id));
    }

    @Transactional
    BusinessRule create(RuleKind kind, RuleWrite write) {
        String title = title(write.title());
        JsonNode conditions = conditions(kind, write.conditions().orElse(null));
        JsonNode actions = actions(kind, write.actions().orElse(null));
        Instant now = now();
        long id = repository.insert(
                new BusinessRule(
                        0,
                        kind,
                        title,
                        write.description().orElse(""),
                        write.active().orElse(true),
                        write.position().orElseGet(() -> repository.nextPosition(kind)),
                        conditions,
                        actions,
                        kind == RuleKind.VIEW ? write.execution().orElseGet(RuleShapes::defaultExecution) : null,
                        now,
                        now,
                        write.categoryId().map(this::category).orElse(null)),
                now);
        return get(kind, id);
    }

    @Transactional
    BusinessRule update(RuleKind kind, long id, RuleWrite write) {
        BusinessRule current = get(kind, id);
        Instant now = now();
        repository.update(
                new BusinessRule(
                        id,
                        kind,
                        write.title().isPresent() ? title(write.title()) : current.title(),
                        write.description().orElse(current.description()),
                        write.active().orElse(current.active()),
                        write.position().orElse(current.position()),
                        write.conditions().isPresent()
                                ? conditions(kind, write.conditions().get())
                                : current.conditions(),
                        write.actions().isPresent()
                                ? actions(kind, write.actions().get())
                                : current.actions(),
                        kind == RuleKind.VIEW ? write.execution().orElse(current.execution()) : null,
                        current.createdAt(),
                        now,
                        write.categoryId().isPresent()
                                ? category(write.categoryId().get())
                                : current.categoryId()),
                now);
        return get(kind, id);
    }

    @Transactional
    void delete(RuleKind kind, long id) {
        get(kind, id);
        repository.delete(id);
    }

    /** Deletes every rule named, or none when one is unknown (404). */
    @Transactional
    void deleteAll(RuleKind kind, List<Long> ids) {
        ids.forEach(id -> get(kind, id));
        ids.forEach(repository::delete);
    }

    /** Positions 1..n in the order given; 422 for ids not of this kind. */
    @Transactional
    void reorder(RuleKind kind, List<Long> ids) {
        java.util.Set<Long> known = new java.util.HashSet<>(
                repository.all(kind).stream().map(BusinessRule::id).toList());
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw Input.invalid(kind.singular() + "_ids", "no " + kind.singular() + " with id " + unknown);
        }
        Instant now = now();
        List<Long> ordered = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int i = 0; i < ordered.size(); i++) {
            repository.setPosition(ordered.get(i), i + 1, now);
        }
    }

    private static JsonNode conditions(RuleKind kind, JsonNode value) {
        String name = kind == RuleKind.SLA_POLICY ? "filter" : "conditions";
        if (value == null || value.isNull()) {
            if (kind.needsConditions() || kind == RuleKind.SLA_POLICY) {
                throw Input.blank(name);
            }
            return RuleShapes.conditions(name, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        JsonNode normalized = RuleShapes.conditions(name, value);
        if (kind == RuleKind.VIEW && normalized.path("all").isEmpty()) {
            throw Input.invalid(name, "a view needs at least one \"all\" condition");
        }
        if (kind.needsConditions()
                && normalized.path("all").isEmpty()
                && normalized.path("any").isEmpty()) {
            throw Input.invalid(name, "a " + kind.singular() + " needs at least one condition");
        }
        return normalized;
    }

    private static JsonNode actions(RuleKind kind, JsonNode value) {
        if (kind == RuleKind.SLA_POLICY) {
            return RuleShapes.policyMetrics(
                    value == null || value.isNull()
                            ? tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                            : value);
        }
        if (value == null || value.isNull()) {
            if (kind.needsActions()) {
                throw Input.blank("actions");
            }
            return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        JsonNode actions = RuleShapes.actions(value);
        if (kind.needsActions() && actions.isEmpty()) {
            throw Input.invalid("actions", "a " + kind.singular() + " needs at least one action");
        }
        return actions;
    }

    /** A trigger's {@code category_id} (a string or a number, as Zendesk sends strings); null clears it. */
    private Long category(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        String text = value.asString("");
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw Input.invalid("category_id", "must be the id of a trigger category");
        }
        long id = Long.parseLong(text);
        if (categories.find(id).isEmpty()) {
            throw Input.invalid("category_id", "there is no trigger category " + id);
        }
        return id;
    }

    private static String title(Optional<String> title) {
        return title.map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() -> Input.blank("title"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
