package io.deskbridge.desk.businessrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Macros, triggers, automations, views, SLA policies: agents read, admins write. */
@RestController
class BusinessRuleController {

    private static final String RULES = "/api/v2/{kind:macros|triggers|automations|views}";
    private static final String SLAS = "/api/v2/slas/policies";

    private final BusinessRules rules;
    private final ListPages pages;

    BusinessRuleController(BusinessRules rules, ListPages pages) {
        this.rules = rules;
        this.pages = pages;
    }

    /** {@code MacroObject}. */
    record MacroJson(
            String url,
            long id,
            String title,
            String rawTitle,
            String description,
            boolean active,
            int position,
            @JsonProperty("default") boolean isDefault,
            JsonNode actions,
            JsonNode restriction,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * {@code TriggerObject} and {@code AutomationObject}; {@code category_id} (a string, as Zendesk's)
     * only on a trigger in a category.
     */
    record TriggerJson(
            String url,
            long id,
            String title,
            String rawTitle,
            String description,
            boolean active,
            int position,
            @JsonProperty("default") boolean isDefault,
            JsonNode conditions,
            JsonNode actions,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String categoryId) {}

    /** {@code ViewObject}. */
    record ViewJson(
            String url,
            long id,
            String title,
            String rawTitle,
            String description,
            boolean active,
            int position,
            @JsonProperty("default") boolean isDefault,
            JsonNode conditions,
            JsonNode execution,
            Instant createdAt,
            Instant updatedAt) {}

    /** {@code SLAPolicyObject}. */
    record SlaPolicyJson(
            String url,
            long id,
            String title,
            String description,
            int position,
            JsonNode filter,
            JsonNode policyMetrics,
            Instant createdAt,
            Instant updatedAt) {}

    record MacroEnvelope(MacroJson macro) {}

    record TriggerEnvelope(TriggerJson trigger) {}

    record AutomationEnvelope(TriggerJson automation) {}

    record ViewEnvelope(ViewJson view) {}

    record SlaPolicyEnvelope(SlaPolicyJson slaPolicy) {}

    @GetMapping(RULES)
    ListPage<Object> list(@PathVariable String kind, HttpServletRequest request) {
        return page(kind(kind), request);
    }

    @GetMapping(SLAS)
    ListPage<Object> listSlas(HttpServletRequest request) {
        return page(RuleKind.SLA_POLICY, request);
    }

    @GetMapping(RULES + "/active")
    ListPage<Object> active(@PathVariable String kind, HttpServletRequest request) {
        RuleKind k = kind(kind);
        return page(k, rules.all(k).stream().filter(BusinessRule::active).toList(), request);
    }

    /** {@code ?query=}: rules whose title contains the words, case-insensitively. */
    @GetMapping(RULES + "/search")
    ListPage<Object> search(
            @PathVariable String kind,
            @RequestParam(name = "query", required = false) String query,
            HttpServletRequest request) {
        RuleKind k = kind(kind);
        if (query == null || query.isBlank()) {
            throw new BadRequestException("InvalidParameter", "query is required");
        }
        String needle = query.strip().toLowerCase(java.util.Locale.ROOT);
        return page(
                k,
                rules.all(k).stream()
                        .filter(r ->
                                r.title().toLowerCase(java.util.Locale.ROOT).contains(needle))
                        .toList(),
                request);
    }

    /** Unknown ids are left out, as Zendesk does. */
    @GetMapping("/api/v2/views/show_many")
    ListPage<Object> showManyViews(@RequestParam("ids") String ids) {
        List<Long> wanted = IdList.parse(ids, 100);
        String base = base();
        return ListPage.whole(
                RuleKind.VIEW.plural(),
                rules.all(RuleKind.VIEW).stream()
                        .filter(r -> wanted.contains(r.id()))
                        .map(r -> json(r, base))
                        .toList());
    }

    /** {@code ?ids=1,2}: all or nothing; 204. */
    @DeleteMapping(RULES + "/destroy_many")
    ResponseEntity<Void> destroyMany(
            @PathVariable String kind, @RequestParam("ids") String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        RuleKind k = kind(kind);
        requireAdmin(caller, k);
        rules.deleteAll(k, IdList.parse(ids, 100));
        return ResponseEntity.noContent().build();
    }

    /** What desk's triggers can check and do, in Zendesk's definitions shape; agents read it. */
    @GetMapping("/api/v2/triggers/definitions")
    RuleDefinitions.DefinitionsResponse triggerDefinitions() {
        return RuleDefinitions.triggers();
    }

    /** {@code {"trigger_ids": [...]}}: positions 1..n in that order; 200 with an empty body. */
    @PutMapping("/api/v2/triggers/reorder")
    ResponseEntity<Void> reorderTriggers(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller, RuleKind.TRIGGER);
        rules.reorder(
                RuleKind.TRIGGER, Input.of(body).ids("trigger_ids").orElseThrow(() -> Input.blank("trigger_ids")));
        return ResponseEntity.ok().build();
    }

    /** {@code sla_policy_ids} in the body (or the query, as the OAS also lists it); 200, empty body. */
    @PutMapping(SLAS + "/reorder")
    ResponseEntity<Void> reorderSlas(
            @RequestBody(required = false) JsonNode body,
            @RequestParam(name = "sla_policy_ids", required = false) String queryIds,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller, RuleKind.SLA_POLICY);
        List<Long> ids = queryIds != null
                ? IdList.parse(queryIds, 1000)
                : Input.of(body == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body)
                        .ids("sla_policy_ids")
                        .orElseThrow(() -> Input.blank("sla_policy_ids"));
        rules.reorder(RuleKind.SLA_POLICY, ids);
        return ResponseEntity.ok().build();
    }

    @GetMapping(RULES + "/{id}")
    Object show(@PathVariable String kind, @PathVariable long id) {
        RuleKind k = kind(kind);
        return envelope(rules.get(k, id), base());
    }

    @GetMapping(SLAS + "/{id}")
    Object showSla(@PathVariable long id) {
        return envelope(rules.get(RuleKind.SLA_POLICY, id), base());
    }

    @PostMapping(RULES)
    ResponseEntity<Object> create(
            @PathVariable String kind, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return create(kind(kind), body, caller);
    }

    @PostMapping(SLAS)
    ResponseEntity<Object> createSla(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return create(RuleKind.SLA_POLICY, body, caller);
    }

    @PutMapping(RULES + "/{id}")
    Object update(
            @PathVariable String kind,
            @PathVariable long id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        return update(kind(kind), id, body, caller);
    }

    @PutMapping(SLAS + "/{id}")
    Object updateSla(@PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return update(RuleKind.SLA_POLICY, id, body, caller);
    }

    @DeleteMapping(RULES + "/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        return delete(kind(kind), id, caller);
    }

    @DeleteMapping(SLAS + "/{id}")
    ResponseEntity<Void> deleteSla(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        return delete(RuleKind.SLA_POLICY, id, caller);
    }

    private ListPage<Object> page(RuleKind kind, HttpServletRequest request) {
        return page(kind, rules.all(kind), request);
    }

    private ListPage<Object> page(RuleKind kind, List<BusinessRule> rows, HttpServletRequest request) {
        String base = base();
        List<BusinessRule> all = new ArrayList<>(rows);
        Function<BusinessRule, List<Long>> key = r -> List.of((long) r.position(), r.id());
        String sortBy = request.getParameter("sort_by");
        if (kind == RuleKind.MACRO && sortBy != null && !sortBy.isBlank() && !sortBy.equals("position")) {
            Function<BusinessRule, Instant> time = switch (sortBy) {
                case "created_at" -> BusinessRule::createdAt;
                case "updated_at" -> BusinessRule::updatedAt;
                default ->
                    throw new BadRequestException(
                            "InvalidParameter",
                            "sort_by must be one of created_at, updated_at, position (got \"" + sortBy + "\")");
            };
            boolean descending = "desc".equalsIgnoreCase(request.getParameter("sort_order"));
            long sign = descending ? -1 : 1;
            key = r -> List.of(sign * time.apply(r).getEpochSecond(), sign * r.id());
            Function<BusinessRule, List<Long>> sortKey = key;
            all.sort(
                    Comparator.<BusinessRule>comparingLong(r -> sortKey.apply(r).get(0))
                            .thenComparingLong(r -> sortKey.apply(r).get(1)));
        }
        return pages.inMemory(kind.plural(), request, all, key).map(r -> json(r, base));
    }

    private ResponseEntity<Object> create(RuleKind kind, JsonNode body, DeskPrincipal caller) {
        requireAdmin(caller, kind);
        BusinessRule created = rules.create(kind, write(kind, Input.envelope(body, kind.singular())));
        return ResponseEntity.status(HttpStatus.CREATED).body(envelope(created, base()));
    }

    private Object update(RuleKind kind, long id, JsonNode body, DeskPrincipal caller) {
        requireAdmin(caller, kind);
        return envelope(rules.update(kind, id, write(kind, Input.envelope(body, kind.singular()))), base());
    }

    private ResponseEntity<Void> delete(RuleKind kind, long id, DeskPrincipal caller) {
        requireAdmin(caller, kind);
        rules.delete(kind, id);
        return ResponseEntity.noContent().build();
    }

    private static RuleWrite write(RuleKind kind, Input in) {
        boolean sla = kind == RuleKind.SLA_POLICY;
        return new RuleWrite(
                in.string("title", 255),
                in.string("description", 4000),
                in.bool("active"),
                Optional.ofNullable(in.position("position").orElse(null)),
                Optional.ofNullable(sla ? in.raw("filter") : conditions(kind, in)),
                Optional.ofNullable(in.raw(sla ? "policy_metrics" : "actions")),
                Optional.ofNullable(in.present("execution") ? in.raw("execution") : in.raw("output"))
                        .filter(e -> !e.isNull())
                        .map(e -> {
                            if (!e.isObject()) {
                                throw Input.invalid("execution", "must be an object");
                            }
                            return e;
                        }),
                Optional.ofNullable(
                        kind == RuleKind.TRIGGER && in.present("category_id") ? in.raw("category_id") : null));
    }

    /**
     * A rule's conditions. Zendesk's view create and update take {@code all} and {@code any} at the
     * top of the view (its docs' examples and node-zendesk send them so) and answer them inside
     * {@code conditions}; desk takes both forms for views, {@code conditions} winning.
     */
    private static JsonNode conditions(RuleKind kind, Input in) {
        if (kind != RuleKind.VIEW || in.present("conditions") || !(in.present("all") || in.present("any"))) {
            return in.raw("conditions");
        }
        ObjectNode conditions = JsonNodeFactory.instance.objectNode();
        conditions.set("all", in.present("all") ? in.raw("all") : JsonNodeFactory.instance.arrayNode());
        conditions.set("any", in.present("any") ? in.raw("any") : JsonNodeFactory.instance.arrayNode());
        return conditions;
    }

    private static void requireAdmin(DeskPrincipal caller, RuleKind kind) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change " + kind.plural());
        }
    }

    private static RuleKind kind(String path) {
        for (RuleKind kind : RuleKind.values()) {
            if (kind.path().equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a rule path: " + path);
    }

    private static Object envelope(BusinessRule r, String base) {
        Object json = json(r, base);
        return switch (r.kind()) {
            case MACRO -> new MacroEnvelope((MacroJson) json);
            case TRIGGER -> new TriggerEnvelope((TriggerJson) json);
            case AUTOMATION -> new AutomationEnvelope((TriggerJson) json);
            case VIEW -> new ViewEnvelope((ViewJson) json);
            case SLA_POLICY -> new SlaPolicyEnvelope((SlaPolicyJson) json);
        };
    }

    private static Object json(BusinessRule r, String base) {
        String url = base + "/api/v2/" + r.kind().path() + "/" + r.id() + ".json";
        return switch (r.kind()) {
            case MACRO ->
                new MacroJson(
                        url,
                        r.id(),
                        r.title(),
                        r.title(),
                        r.description(),
                        r.active(),
                        r.position(),
                        false,
                        r.actions(),
                        null,
                        r.createdAt(),
                        r.updatedAt());
            case TRIGGER, AUTOMATION ->
                new TriggerJson(
                        url,
                        r.id(),
                        r.title(),
                        r.title(),
                        r.description(),
                        r.active(),
                        r.position(),
                        false,
                        r.conditions(),
                        r.actions(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.categoryId() == null ? null : String.valueOf(r.categoryId()));
            case VIEW ->
                new ViewJson(
                        url,
                        r.id(),
                        r.title(),
                        r.title(),
                        r.description(),
                        r.active(),
                        r.position(),
                        false,
                        r.conditions(),
                        r.execution(),
                        r.createdAt(),
                        r.updatedAt());
            case SLA_POLICY ->
                new SlaPolicyJson(
                        url,
                        r.id(),
                        r.title(),
                        r.description(),
                        r.position(),
                        r.conditions(),
                        r.actions(),
                        r.createdAt(),
                        r.updatedAt());
        };
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
