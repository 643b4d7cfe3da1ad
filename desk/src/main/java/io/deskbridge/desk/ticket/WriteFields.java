package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.brand.Brand;
import io.deskbridge.desk.brand.Brands;
import io.deskbridge.desk.customfield.CustomFields;
import io.deskbridge.desk.customfield.FieldDefinition;
import io.deskbridge.desk.customfield.FieldOption;
import io.deskbridge.desk.customfield.FieldOwner;
import io.deskbridge.desk.customfield.FieldType;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import io.deskbridge.desk.ticket.TicketChanges.UserChange;
import io.deskbridge.desk.ticketform.TicketForm;
import io.deskbridge.desk.ticketform.TicketForms;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The ticket write fields beyond the core ones, each applied or refused with a 422 — never dropped:
 * {@code brand_id}, {@code ticket_form_id}, {@code problem_id}, {@code assignee_email}, {@code
 * email_ccs}, {@code followers}, {@code collaborators}, and custom field values checked against their
 * definitions (with the tags of drop-down, multiselect and checkbox values).
 */
@Component
class WriteFields {

    private final Brands brands;
    private final TicketForms forms;
    private final CustomFields fields;
    private final Users users;
    private final TicketRepository repository;

    WriteFields(Brands brands, TicketForms forms, CustomFields fields, Users users, TicketRepository repository) {
        this.brands = brands;
        this.forms = forms;
        this.fields = fields;
        this.users = users;
        this.repository = repository;
    }

    /** Custom field values as stored, and the option tags they add and remove. */
    record CheckedFields(List<CustomFieldValue> values, Set<String> addTags, Set<String> removeTags) {}

    /** The brand: the one asked for (it must exist), else the current one, else the default brand. */
    Long brand(Field<Long> requested, Long current) {
        if (requested.present() && requested.value() != null) {
            long id = requested.value();
            if (!brands.exists(id)) {
                throw Input.invalid("brand_id", "there is no brand " + id);
            }
            return id;
        }
        if (current != null) {
            return current;
        }
        return brands.all().stream()
                .filter(Brand::isDefault)
                .map(Brand::id)
                .findFirst()
                .orElse(null);
    }

    /** The ticket form: the one asked for (it must exist), else the current one, else the default form. */
    Long form(Field<Long> requested, Long current) {
        if (requested.present() && requested.value() != null) {
            long id = requested.value();
            if (forms.all().stream().noneMatch(f -> f.id() == id)) {
                throw Input.invalid("ticket_form_id", "there is no ticket form " + id);
            }
            return id;
        }
        if (current != null) {
            return current;
        }
        return forms.all().stream()
                .filter(TicketForm::isDefault)
                .map(TicketForm::id)
                .findFirst()
                .orElse(null);
    }

    /**
     * {@code problem_id}: an incident's problem, a live ticket of type problem (not the ticket
     * itself). Zendesk links only incidents, so another type with a problem is refused.
     */
    Long problem(Field<Long> requested, Long current, String type, long selfId) {
        Long problemId = requested.or(current);
        if (problemId == null || !requested.present()) {
            return problemId;
        }
        if (problemId == selfId) {
            throw Input.invalid("problem_id", "a ticket cannot be its own problem");
        }
        Ticket problem = repository
                .findById(problemId)
                .filter(t -> !t.deleted())
                .orElseThrow(() -> Input.invalid("problem_id", "there is no ticket " + problemId));
        if (!"problem".equals(problem.type())) {
            throw Input.invalid(
                    "problem_id",
                    "ticket " + problemId + " is of type " + problem.type() + "; only a problem can have incidents");
        }
        if (!"incident".equals(type)) {
            throw Input.invalid("problem_id", "only incidents link to a problem (this ticket's type is " + type + ")");
        }
        return problemId;
    }

    void linked(Long problemId) {
        if (problemId != null) {
            repository.markHasIncidents(problemId);
        }
    }

    /** {@code assignee_email}: the agent with that address. */
    Optional<Long> assigneeByEmail(Optional<String> email) {
        return email.map(e -> users.findByEmail(e.strip())
                .orElseThrow(() -> Input.invalid("assignee_email", "there is no user " + e.strip()))
                .id());
    }

    /** {@code collaborators}: ids, emails or {name, email}; unknown emails become end users, as Zendesk does. */
    Optional<List<Long>> collaborators(Optional<List<Requester>> collaborators) {
        return collaborators.map(list -> List.copyOf(new LinkedHashSet<>(list.stream()
                .map(c -> resolve("collaborators", c.id(), c.email(), c.name(), true)
                        .id())
                .toList())));
    }

    /** {@code email_ccs}: put adds (unknown emails become end users), delete removes. */
    List<Long> emailCcs(Optional<List<UserChange>> changes, List<Long> current) {
        return apply("email_ccs", changes, current, true);
    }

    /** {@code followers}: agents only (Zendesk's followers are agents); put adds, delete removes. */
    List<Long> followers(Optional<List<UserChange>> changes, List<Long> current) {
        List<Long> result = apply("followers", changes, current, false);
        for (UserAccount user : users.findAll(result)) {
            if (user.role() == Role.END_USER && !current.contains(user.id())) {
                throw Input.invalid("followers", "user " + user.id() + " is an end user; followers are agents");
            }
        }
        return result;
    }

    private List<Long> apply(String field, Optional<List<UserChange>> changes, List<Long> current, boolean create) {
        if (changes.isEmpty()) {
            return current;
        }
        Set<Long> ids = new LinkedHashSet<>(current);
        for (UserChange change : changes.get()) {
            UserAccount user =
                    resolve(field, change.userId(), change.email(), change.name(), create && !change.delete());
            if (change.delete()) {
                ids.remove(user.id());
            } else {
                ids.add(user.id());
            }
        }
        return List.copyOf(ids);
    }

    private UserAccount resolve(String field, Long id, String email, String name, boolean create) {
        if (id != null) {
            return users.findById(id).orElseThrow(() -> Input.invalid(field, "there is no user " + id));
        }
        if (email == null || email.isBlank()) {
            throw Input.invalid(field, "every entry needs a user_id or a user_email");
        }
        if (create) {
            return users.findOrCreateEndUser(name, email.strip());
        }
        return users.findByEmail(email.strip())
                .orElseThrow(() -> Input.invalid(field, "there is no user " + email.strip()));
    }

    /**
     * Checks each sent value against its ticket field (422 {@code RecordInvalid} from the field's rule)
     * and works out the option tags. A value for an id with no ticket field is kept as sent, as desk
     * always did (decision: Zendesk ignores such ids; desk stores and returns them rather than drop
     * them, so clients that write before defining fields keep their data). For defined fields: a drop-down or multiselect
     * value adds its options' tags and drops those of the value it replaces; a checkbox adds its tag
     * when true and drops it when false, as Zendesk does.
     */
    CheckedFields customFields(List<CustomFieldValue> current, List<CustomFieldValue> sent) {
        Map<Long, JsonNode> before = new LinkedHashMap<>();
        current.forEach(v -> before.put(v.id(), v.value()));
        List<CustomFieldValue> values = new ArrayList<>();
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        // One read of the definitions; an unknown id is not an exception here, which would mark the
        // caller's transaction rollback-only.
        Map<Long, FieldDefinition> definitions = new LinkedHashMap<>();
        if (!sent.isEmpty()) {
            fields.list(FieldOwner.TICKET).forEach(f -> definitions.put(f.id(), f));
        }
        for (CustomFieldValue value : sent) {
            FieldDefinition field = definitions.get(value.id());
            if (field == null) {
                values.add(value);
                continue;
            }
            JsonNode stored = fields.checkValue(field, value.value());
            values.add(new CustomFieldValue(value.id(), stored.isNull() ? null : stored));
            remove.addAll(tags(field, before.get(value.id())));
            add.addAll(tags(field, stored));
        }
        remove.removeAll(add);
        return new CheckedFields(values, add, remove);
    }

    private static Set<String> tags(FieldDefinition field, JsonNode value) {
        Set<String> tags = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return tags;
        }
        if (field.type() == FieldType.CHECKBOX) {
            if (field.tag() != null && value.isBoolean() && value.booleanValue()) {
                tags.add(field.tag());
            }
            return tags;
        }
        if (field.type() != FieldType.TAGGER
                && field.type() != FieldType.DROPDOWN
                && field.type() != FieldType.MULTISELECT) {
            return tags;
        }
        Set<String> options = new LinkedHashSet<>();
        field.options().stream().map(FieldOption::value).forEach(options::add);
        if (value.isArray()) {
            value.forEach(v -> {
                if (v.isString() && options.contains(v.stringValue())) {
                    tags.add(v.stringValue());
                }
            });
        } else if (value.isString() && options.contains(value.stringValue())) {
            tags.add(value.stringValue());
        }
        return tags;
    }
}
