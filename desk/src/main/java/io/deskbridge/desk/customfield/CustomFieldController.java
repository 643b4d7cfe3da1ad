package io.deskbridge.desk.customfield;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.customfield.CustomFieldJson.AccountField;
import io.deskbridge.desk.customfield.CustomFieldJson.Option;
import io.deskbridge.desk.customfield.CustomFieldJson.SystemOption;
import io.deskbridge.desk.customfield.CustomFieldJson.TicketField;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/ticket_fields}, {@code /user_fields}, {@code /organization_fields} and their options:
 * agents read, admins write. The kind comes from the path's first segment after {@code /api/v2/}.
 */
@RestController
class CustomFieldController {

    private static final String ALL = "/api/v2/{kind:ticket_fields|user_fields|organization_fields}";
    private static final String WITH_OPTIONS = "/api/v2/{kind:ticket_fields|user_fields}/{id}/options";

    /** Zendesk's fixed values of the system fields that have them. */
    private static final List<SystemOption> STATUSES = List.of(
            new SystemOption("New", "new"),
            new SystemOption("Open", "open"),
            new SystemOption("Pending", "pending"),
            new SystemOption("On-hold", "hold"),
            new SystemOption("Solved", "solved"),
            new SystemOption("Closed", "closed"));

    private static final List<SystemOption> TYPES = List.of(
            new SystemOption("Question", "question"),
            new SystemOption("Incident", "incident"),
            new SystemOption("Problem", "problem"),
            new SystemOption("Task", "task"));

    private static final List<SystemOption> PRIORITIES = List.of(
            new SystemOption("Low", "low"),
            new SystemOption("Normal", "normal"),
            new SystemOption("High", "high"),
            new SystemOption("Urgent", "urgent"));

    private final CustomFields fields;
    private final ListPages pages;
    private final Clock clock;

    CustomFieldController(CustomFields fields, ListPages pages, Clock clock) {
        this.fields = fields;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(ALL)
    ListPage<Object> list(@PathVariable String kind, HttpServletRequest request) {
        FieldOwner owner = owner(kind);
        String base = base();
        return pages.inMemory(owner.plural(), request, fields.list(owner), f -> List.of((long) f.position(), f.id()))
                .map(f -> json(f, base));
    }

    @GetMapping("/api/v2/ticket_fields/count")
    CustomFieldJson.CountEnvelope count() {
        return new CustomFieldJson.CountEnvelope(
                new CustomFieldJson.Count(fields.list(FieldOwner.TICKET).size(), Instant.now(clock)));
    }

    /**
     * {@code ticket_fields/show_many?ids=} (or {@code keys=}, matched against system field types such
     * as {@code priority}), {@code user_fields/show_many?keys=}; unknown ids and keys are left out, as
     * Zendesk does.
     */
    @GetMapping("/api/v2/{kind:ticket_fields|user_fields}/show_many")
    ListPage<Object> showMany(
            @PathVariable String kind,
            @RequestParam(name = "ids", required = false) String ids,
            @RequestParam(name = "keys", required = false) String keys) {
        FieldOwner owner = owner(kind);
        if ((ids == null) == (keys == null)) {
            throw new BadRequestException("InvalidParameter", "Send ids or keys, not both and not neither");
        }
        List<Long> wantedIds = ids == null ? List.of() : IdList.parse(ids, 100);
        List<String> wantedKeys = keys == null
                ? List.of()
                : java.util.Arrays.stream(keys.split(","))
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList();
        if (wantedKeys.size() > 100) {
            throw new BadRequestException(
                    "InvalidParameter", "show_many takes at most 100 keys (got " + wantedKeys.size() + ")");
        }
        String base = base();
        return ListPage.whole(
                owner.plural(),
                fields.list(owner).stream()
                        .filter(f -> wantedIds.contains(f.id())
                                || wantedKeys.contains(
                                        owner.keyed() ? f.key() : f.type().wireName()))
                        .map(f -> json(f, base))
                        .toList());
    }

    @GetMapping(ALL + "/{id}")
    Object show(@PathVariable String kind, @PathVariable long id) {
        FieldOwner owner = owner(kind);
        return envelope(fields.get(owner, id), base());
    }

    @PostMapping(ALL)
    ResponseEntity<Object> create(
            @PathVariable String kind, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        FieldDefinition created = fields.create(owner, write(Input.envelope(body, owner.singular())));
        return ResponseEntity.status(HttpStatus.CREATED).body(envelope(created, base()));
    }

    @PutMapping(ALL + "/{id}")
    Object update(
            @PathVariable String kind,
            @PathVariable long id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        return envelope(fields.update(owner, id, write(Input.envelope(body, owner.singular()))), base());
    }

    @DeleteMapping(ALL + "/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        fields.delete(owner, id);
        return ResponseEntity.noContent().build();
    }

    /** 200 with an empty body, as Zendesk answers. */
    @PutMapping(ALL + "/reorder")
    ResponseEntity<Void> reorder(
            @PathVariable String kind, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        String idsField = owner.singular() + "_ids";
        List<Long> ids = Input.of(body).ids(idsField).orElseThrow(() -> Input.blank(idsField));
        fields.reorder(owner, ids);
        return ResponseEntity.ok().build();
    }

    @GetMapping(WITH_OPTIONS)
    ListPage<Option> options(@PathVariable String kind, @PathVariable long id, HttpServletRequest request) {
        FieldOwner owner = owner(kind);
        String base = base();
        List<FieldOption> options = fields.options(owner, id);
        return pages.inMemory("custom_field_options", request, options, o -> List.of((long) o.position(), o.id()))
                .map(o -> option(owner, o, base));
    }

    @GetMapping(WITH_OPTIONS + "/{optionId}")
    CustomFieldJson.OptionEnvelope option(
            @PathVariable String kind, @PathVariable long id, @PathVariable long optionId) {
        FieldOwner owner = owner(kind);
        return new CustomFieldJson.OptionEnvelope(option(owner, fields.option(owner, id, optionId), base()));
    }

    /** Creates an option, or updates the one whose {@code id} the body names (200). */
    @PostMapping(WITH_OPTIONS)
    ResponseEntity<CustomFieldJson.OptionEnvelope> saveOption(
            @PathVariable String kind,
            @PathVariable long id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        Input in = Input.envelope(body, "custom_field_option");
        CustomFields.OptionResult saved = fields.saveOption(
                owner,
                id,
                new OptionWrite(
                        in.id("id").orElse(null),
                        in.string("name", 1000).orElse(null),
                        in.string("value", 1000).orElse(null),
                        position(in)));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CustomFieldJson.OptionEnvelope(option(owner, saved.option(), base())));
    }

    @DeleteMapping(WITH_OPTIONS + "/{optionId}")
    ResponseEntity<Void> deleteOption(
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable long optionId,
            @AuthenticationPrincipal DeskPrincipal caller) {
        FieldOwner owner = owner(kind);
        requireAdmin(caller, owner);
        fields.deleteOption(owner, id, optionId);
        return ResponseEntity.noContent().build();
    }

    private static FieldWrite write(Input in) {
        return new FieldWrite(
                in.string("type", 32),
                in.string("key", 64),
                in.string("title", 255),
                in.string("description", 4000),
                in.string("agent_description", 4000),
                in.string("title_in_portal", 255),
                Optional.ofNullable(position(in)),
                in.bool("active"),
                in.bool("required"),
                in.bool("required_in_portal"),
                in.bool("visible_in_portal"),
                in.bool("editable_in_portal"),
                in.bool("collapsed_for_agents"),
                in.string("regexp_for_validation", 1000),
                in.string("tag", 255),
                options(in));
    }

    private static Integer position(Input in) {
        return in.position("position").orElse(null);
    }

    private static Optional<List<OptionWrite>> options(Input in) {
        JsonNode raw = in.raw("custom_field_options");
        if (raw == null || raw.isNull()) {
            return Optional.empty();
        }
        if (!raw.isArray()) {
            throw Input.invalid("custom_field_options", "must be a list of options");
        }
        List<OptionWrite> options = new ArrayList<>();
        for (JsonNode item : raw) {
            if (!item.isObject()) {
                throw Input.invalid("custom_field_options", "must be a list of options");
            }
            Input option = Input.of(item);
            options.add(new OptionWrite(
                    option.id("id").orElse(null),
                    option.string("name", 1000).orElse(null),
                    option.string("value", 1000).orElse(null),
                    position(option)));
        }
        return Optional.of(options);
    }

    private static void requireAdmin(DeskPrincipal caller, FieldOwner owner) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change " + owner.plural());
        }
    }

    private static FieldOwner owner(String kind) {
        for (FieldOwner owner : FieldOwner.values()) {
            if (owner.plural().equals(kind)) {
                return owner;
            }
        }
        throw new IllegalArgumentException("Not a field kind: " + kind);
    }

    private static Object envelope(FieldDefinition f, String base) {
        return switch (f.owner()) {
            case TICKET -> new CustomFieldJson.TicketFieldEnvelope(ticketField(f, base));
            case USER -> new CustomFieldJson.UserFieldEnvelope(accountField(f, base));
            case ORGANIZATION -> new CustomFieldJson.OrganizationFieldEnvelope(accountField(f, base));
        };
    }

    private static Object json(FieldDefinition f, String base) {
        return f.owner() == FieldOwner.TICKET ? ticketField(f, base) : accountField(f, base);
    }

    private static TicketField ticketField(FieldDefinition f, String base) {
        return new TicketField(
                base + "/api/v2/ticket_fields/" + f.id() + ".json",
                f.id(),
                f.type().wireName(),
                f.title(),
                f.title(),
                f.description(),
                f.description(),
                f.agentDescription(),
                f.position(),
                f.active(),
                f.required(),
                f.collapsedForAgents(),
                f.regexpForValidation(),
                f.titleInPortal() == null ? f.title() : f.titleInPortal(),
                f.titleInPortal() == null ? f.title() : f.titleInPortal(),
                f.visibleInPortal(),
                f.editableInPortal(),
                f.requiredInPortal(),
                f.tag(),
                f.createdAt(),
                f.updatedAt(),
                !f.system(),
                f.type().hasOptions() ? options(f, base) : null,
                switch (f.type()) {
                    case STATUS -> STATUSES;
                    case TICKETTYPE -> TYPES;
                    case PRIORITY -> PRIORITIES;
                    default -> null;
                });
    }

    private static AccountField accountField(FieldDefinition f, String base) {
        return new AccountField(
                base + "/api/v2/" + f.owner().plural() + "/" + f.id() + ".json",
                f.id(),
                f.type().wireName(),
                f.key(),
                f.title(),
                f.title(),
                f.description(),
                f.description(),
                f.position(),
                f.active(),
                f.system(),
                f.regexpForValidation(),
                f.tag(),
                f.createdAt(),
                f.updatedAt(),
                f.type().hasOptions() ? options(f, base) : null);
    }

    private static List<Option> options(FieldDefinition f, String base) {
        return f.options().stream().map(o -> option(f.owner(), o, base)).toList();
    }

    private static Option option(FieldOwner owner, FieldOption o, String base) {
        return new Option(
                base + "/api/v2/" + owner.plural() + "/" + o.fieldId() + "/options/" + o.id() + ".json",
                o.id(),
                o.name(),
                o.name(),
                o.value(),
                o.position());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
