package io.deskbridge.desk.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Includes;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v2/routing/attributes}: see the package documentation. */
@RestController
class RoutingAttributeController {

    /**
     * The condition subjects desk's tickets carry, in Zendesk's subject names; Zendesk lists
     * {@code number_of_incidents} under "all" only.
     */
    private static final List<ConditionDefinition> CONDITIONS_ANY = List.of(
            new ConditionDefinition("brand_id", "Brand"),
            new ConditionDefinition("group_id", "Group"),
            new ConditionDefinition("organization_id", "Organization"),
            new ConditionDefinition("priority", "Priority"),
            new ConditionDefinition("requester_id", "Requester"),
            new ConditionDefinition("ticket_form_id", "Form"),
            new ConditionDefinition("ticket_type_id", "Type"),
            new ConditionDefinition("current_tags", "Tags"),
            new ConditionDefinition("via_id", "Channel"));

    private static final List<ConditionDefinition> CONDITIONS_ALL = java.util.stream.Stream.concat(
                    CONDITIONS_ANY.stream(),
                    java.util.stream.Stream.of(new ConditionDefinition("number_of_incidents", "Number of incidents")))
            .toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RoutingAttributes attributes;
    private final ListPages pages;

    RoutingAttributeController(RoutingAttributes attributes, ListPages pages) {
        this.attributes = attributes;
        this.pages = pages;
    }

    /** {@code SkillBasedRoutingAttributeObject}. */
    record AttributeJson(String url, String id, String name, Instant createdAt, Instant updatedAt) {}

    /** {@code SkillBasedRoutingAttributeValueObject}; {@code conditions} only when set. */
    record AttributeValueJson(
            String url,
            String id,
            String attributeId,
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode conditions,
            Instant createdAt,
            Instant updatedAt) {}

    record AttributeResponse(AttributeJson attribute) {}

    record AttributeValueResponse(AttributeValueJson attributeValue) {}

    record AttributeValuesResponse(List<AttributeValueJson> attributeValues) {}

    /** A page of attributes (offset or cursor), with {@code include=attribute_values} every value as a sideload. */
    record AttributesPage(
            List<AttributeJson> attributes,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttributeValueJson> attributeValues,
            @JsonUnwrapped ListPage.OffsetLinks offset,
            @JsonUnwrapped ListPage.CursorLinks cursor) {}

    record ConditionDefinition(String subject, String title) {}

    record Definitions(List<ConditionDefinition> conditionsAll, List<ConditionDefinition> conditionsAny) {}

    record DefinitionsResponse(Definitions definitions) {}

    @GetMapping("/api/v2/routing/attributes")
    AttributesPage list(@RequestParam(required = false) String include, HttpServletRequest request) {
        String base = base();
        ListPage<AttributeJson> page = pages.inMemory(
                        "attributes", request, attributes.attributes(), a -> List.of(0L, a.seq()))
                .map(a -> json(a, base));
        List<AttributeValueJson> values = Includes.has(include, "attribute_values")
                ? attributes.values(null).stream().map(v -> json(v, base)).toList()
                : null;
        return new AttributesPage(page.items(), values, page.offset(), page.cursor());
    }

    @GetMapping("/api/v2/routing/attributes/definitions")
    DefinitionsResponse definitions() {
        return new DefinitionsResponse(new Definitions(CONDITIONS_ALL, CONDITIONS_ANY));
    }

    @GetMapping("/api/v2/routing/attributes/{id}")
    AttributeResponse show(@PathVariable String id) {
        return new AttributeResponse(json(attributes.attribute(id), base()));
    }

    @PostMapping("/api/v2/routing/attributes")
    ResponseEntity<AttributeResponse> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "attribute");
        RoutingAttribute created = attributes.createAttribute(
                in.string("name", RoutingAttributes.MAX_NAME).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(new AttributeResponse(json(created, base())));
    }

    @PutMapping("/api/v2/routing/attributes/{id}")
    AttributeResponse update(
            @PathVariable String id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "attribute");
        return new AttributeResponse(json(
                attributes.renameAttribute(
                        id, in.string("name", RoutingAttributes.MAX_NAME).orElse(null)),
                base()));
    }

    @DeleteMapping("/api/v2/routing/attributes/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        attributes.deleteAttribute(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/routing/attributes/{attributeId}/values")
    AttributeValuesResponse values(@PathVariable String attributeId) {
        String base = base();
        return new AttributeValuesResponse(
                attributes.values(attributeId).stream().map(v -> json(v, base)).toList());
    }

    @GetMapping("/api/v2/routing/attributes/{attributeId}/values/{id}")
    AttributeValueResponse showValue(@PathVariable String attributeId, @PathVariable String id) {
        return new AttributeValueResponse(json(attributes.value(attributeId, id), base()));
    }

    @PostMapping("/api/v2/routing/attributes/{attributeId}/values")
    ResponseEntity<AttributeValueResponse> createValue(
            @PathVariable String attributeId,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "attribute_value");
        RoutingAttributeValue created = attributes.createValue(
                attributeId,
                in.string("name", RoutingAttributes.MAX_NAME).orElse(null),
                conditions(in).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(new AttributeValueResponse(json(created, base())));
    }

    /** Zendesk documents PATCH; PUT is taken the same way. */
    @RequestMapping(
            path = "/api/v2/routing/attributes/{attributeId}/values/{id}",
            method = {RequestMethod.PATCH, RequestMethod.PUT})
    AttributeValueResponse updateValue(
            @PathVariable String attributeId,
            @PathVariable String id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "attribute_value");
        return new AttributeValueResponse(json(
                attributes.updateValue(
                        attributeId,
                        id,
                        in.string("name", RoutingAttributes.MAX_NAME).orElse(null),
                        conditions(in).orElse(null)),
                base()));
    }

    @DeleteMapping("/api/v2/routing/attributes/{attributeId}/values/{id}")
    ResponseEntity<Void> deleteValue(
            @PathVariable String attributeId, @PathVariable String id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        attributes.deleteValue(attributeId, id);
        return ResponseEntity.noContent().build();
    }

    /** {@code conditions}: an object ({@code {"all": [...], "any": [...]}}), kept as its JSON text. */
    private static Optional<String> conditions(Input in) {
        JsonNode conditions = in.raw("conditions");
        if (conditions == null || conditions.isNull()) {
            return Optional.empty();
        }
        if (!conditions.isObject()) {
            throw Input.invalid("conditions", "must be an object with all and any lists");
        }
        return Optional.of(conditions.toString());
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change routing attributes");
        }
    }

    private static AttributeJson json(RoutingAttribute a, String base) {
        return new AttributeJson(
                base + "/api/v2/routing/attributes/" + a.id() + ".json",
                a.id(),
                a.name(),
                a.createdAt(),
                a.updatedAt());
    }

    private static AttributeValueJson json(RoutingAttributeValue v, String base) {
        return new AttributeValueJson(
                base + "/api/v2/routing/attributes/" + v.attributeId() + "/values/" + v.id() + ".json",
                v.id(),
                v.attributeId(),
                v.name(),
                v.conditions() == null ? null : JSON.readTree(v.conditions()),
                v.createdAt(),
                v.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
