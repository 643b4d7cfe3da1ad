package io.deskbridge.desk.customfield;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Ticket, user and organization field definitions and their options (see package-info), and the
 * check of a value against a definition that ticket, user and organization writes will call.
 */
@Service
public class CustomFields {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final CustomFieldRepository repository;
    private final Clock clock;

    CustomFields(CustomFieldRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A created or updated option; {@code created} tells 201 from 200. */
    record OptionResult(FieldOption option, boolean created) {}

    @Transactional(readOnly = true)
    public List<FieldDefinition> list(FieldOwner owner) {
        return repository.list(owner);
    }

    @Transactional(readOnly = true)
    public FieldDefinition get(FieldOwner owner, long id) {
        return repository.find(owner, id).orElseThrow(() -> CustomFieldNotFoundException.forId(owner, id));
    }

    /**
     * {@code value} as Zendesk stores it for the field {@code id} of that kind, or a 422
     * {@code RecordInvalid} naming the field's title and the rule it broke; 404 for an unknown field.
     */
    @Transactional(readOnly = true)
    public JsonNode checkValue(FieldOwner owner, long id, JsonNode value) {
        return FieldValueCheck.check(get(owner, id), value);
    }

    /** The same for a definition the caller already holds (no lookup). */
    public JsonNode checkValue(FieldDefinition field, JsonNode value) {
        return FieldValueCheck.check(field, value);
    }

    /** The same for a user or organization field addressed by its {@code key}. */
    @Transactional(readOnly = true)
    public JsonNode checkValue(FieldOwner owner, String key, JsonNode value) {
        FieldDefinition field =
                repository.findByKey(owner, key).orElseThrow(() -> CustomFieldNotFoundException.forKey(owner, key));
        return FieldValueCheck.check(field, value);
    }

    @Transactional
    FieldDefinition create(FieldOwner owner, FieldWrite write) {
        String typeName = write.type().orElseThrow(() -> Input.blank("type"));
        FieldType type = FieldType.fromWireName(typeName)
                .filter(owner.creatable()::contains)
                .orElseThrow(() -> Input.invalid(
                        "type",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        owner.creatable().stream()
                                                .map(FieldType::wireName)
                                                .toList())));
        String title = title(write.title());
        String key = null;
        if (owner.keyed()) {
            key = write.key().map(String::strip).filter(k -> !k.isEmpty()).orElseThrow(() -> Input.blank("key"));
            if (!KEY.matcher(key).matches()) {
                throw Input.invalid("key", "may only contain letters, digits and underscores (at most 64)");
            }
            if (repository.findByKey(owner, key).isPresent()) {
                throw new RecordInvalidException("key", "DuplicateValue", "Key: " + key + " has already been taken");
            }
        }
        List<OptionWrite> options = write.options().orElse(List.of());
        if (type.hasOptions() && options.isEmpty()) {
            throw Input.invalid("custom_field_options", "a " + type.wireName() + " field needs at least one option");
        }
        Instant now = now();
        FieldDefinition draft = new FieldDefinition(
                0,
                owner,
                key,
                type,
                title,
                write.description().orElse(""),
                write.agentDescription().orElse(""),
                write.titleInPortal().orElse(title),
                write.position().orElseGet(() -> repository.nextPosition(owner)),
                write.active().orElse(true),
                write.required().orElse(false),
                write.requiredInPortal().orElse(false),
                write.visibleInPortal().orElse(false),
                write.editableInPortal().orElse(false),
                write.collapsedForAgents().orElse(false),
                regexp(type, write.regexpForValidation()),
                type == FieldType.CHECKBOX ? tag(write.tag()) : null,
                false,
                now,
                now,
                List.of());
        long id = repository.insert(draft, now);
        if (type.hasOptions()) {
            replaceOptions(id, List.of(), options, now);
        }
        return get(owner, id);
    }

    @Transactional
    FieldDefinition update(FieldOwner owner, long id, FieldWrite write) {
        FieldDefinition current = get(owner, id);
        if (write.type().isPresent()
                && !write.type().get().equals(current.type().wireName())) {
            throw Input.invalid(
                    "type", "cannot be changed (it is " + current.type().wireName() + ")");
        }
        if (owner.keyed() && write.key().isPresent() && !write.key().get().equals(current.key())) {
            throw Input.invalid("key", "cannot be changed (it is " + current.key() + ")");
        }
        if (!current.type().hasOptions()
                && write.options().isPresent()
                && !write.options().get().isEmpty()) {
            throw Input.invalid("custom_field_options", "only drop-down and multiselect fields have options");
        }
        Instant now = now();
        String title = write.title().isPresent() ? title(write.title()) : current.title();
        FieldDefinition next = new FieldDefinition(
                current.id(),
                owner,
                current.key(),
                current.type(),
                title,
                write.description().orElse(current.description()),
                write.agentDescription().orElse(current.agentDescription()),
                write.titleInPortal().orElse(current.titleInPortal()),
                write.position().orElse(current.position()),
                write.active().orElse(current.active()),
                write.required().orElse(current.required()),
                write.requiredInPortal().orElse(current.requiredInPortal()),
                write.visibleInPortal().orElse(current.visibleInPortal()),
                write.editableInPortal().orElse(current.editableInPortal()),
                write.collapsedForAgents().orElse(current.collapsedForAgents()),
                write.regexpForValidation().isPresent()
                        ? regexp(current.type(), write.regexpForValidation())
                        : current.regexpForValidation(),
                write.tag().isPresent() && current.type() == FieldType.CHECKBOX ? tag(write.tag()) : current.tag(),
                current.system(),
                current.createdAt(),
                now,
                current.options());
        repository.update(next, now);
        if (current.type().hasOptions() && write.options().isPresent()) {
            if (write.options().get().isEmpty()) {
                throw Input.invalid(
                        "custom_field_options", "a " + current.type().wireName() + " field needs at least one option");
            }
            replaceOptions(id, current.options(), write.options().get(), now);
        }
        return get(owner, id);
    }

    @Transactional
    void delete(FieldOwner owner, long id) {
        FieldDefinition field = get(owner, id);
        if (field.system()) {
            throw new RecordInvalidException(
                    "base", "InvalidValue", field.title() + " is a system field and cannot be deleted");
        }
        repository.delete(owner, id);
    }

    @Transactional
    void reorder(FieldOwner owner, List<Long> ids) {
        Set<Long> known = new HashSet<>(
                repository.list(owner).stream().map(FieldDefinition::id).toList());
        List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw Input.invalid(owner.singular() + "_ids", "no " + owner.singular() + " with id " + unknown);
        }
        Instant now = now();
        List<Long> ordered = List.copyOf(new LinkedHashSet<>(ids));
        for (int i = 0; i < ordered.size(); i++) {
            repository.setPosition(ordered.get(i), i + 1, now);
        }
    }

    @Transactional(readOnly = true)
    List<FieldOption> options(FieldOwner owner, long fieldId) {
        return optionField(owner, fieldId).options();
    }

    @Transactional(readOnly = true)
    FieldOption option(FieldOwner owner, long fieldId, long optionId) {
        return optionField(owner, fieldId).options().stream()
                .filter(o -> o.id() == optionId)
                .findFirst()
                .orElseThrow(() -> CustomFieldNotFoundException.optionForId(fieldId, optionId));
    }

    @Transactional
    OptionResult saveOption(FieldOwner owner, long fieldId, OptionWrite write) {
        FieldDefinition field = optionField(owner, fieldId);
        Instant now = now();
        String name = optionName(write.name(), "name");
        String value = optionValue(write.value(), "value");
        Optional<FieldOption> existing =
                write.id() == null ? Optional.empty() : Optional.of(option(owner, fieldId, write.id()));
        boolean taken = field.options().stream()
                .anyMatch(o -> o.value().equals(value)
                        && existing.map(e -> e.id() != o.id()).orElse(true));
        if (taken) {
            throw new RecordInvalidException("value", "DuplicateValue", "Value: " + value + " has already been taken");
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            repository.updateOption(
                    id, name, value, write.position() == null ? existing.get().position() : write.position(), now);
        } else {
            int position = write.position() == null
                    ? field.options().stream()
                                    .mapToInt(FieldOption::position)
                                    .max()
                                    .orElse(-1)
                            + 1
                    : write.position();
            id = repository.insertOption(fieldId, name, value, position, now);
        }
        repository.touch(fieldId, now);
        return new OptionResult(option(owner, fieldId, id), existing.isEmpty());
    }

    @Transactional
    void deleteOption(FieldOwner owner, long fieldId, long optionId) {
        FieldDefinition field = optionField(owner, fieldId);
        option(owner, fieldId, optionId);
        if (field.options().size() == 1) {
            throw Input.invalid(
                    "custom_field_options", "a " + field.type().wireName() + " field needs at least one option");
        }
        repository.deleteOption(optionId);
        repository.touch(fieldId, now());
    }

    private FieldDefinition optionField(FieldOwner owner, long fieldId) {
        FieldDefinition field = get(owner, fieldId);
        if (!field.type().hasOptions()) {
            throw CustomFieldNotFoundException.noOptions(fieldId);
        }
        return field;
    }

    private void replaceOptions(long fieldId, List<FieldOption> current, List<OptionWrite> wanted, Instant now) {
        Map<Long, FieldOption> byId = new java.util.HashMap<>();
        current.forEach(o -> byId.put(o.id(), o));
        Set<String> values = new HashSet<>();
        List<Long> kept = new ArrayList<>();
        for (OptionWrite w : wanted) {
            optionName(w.name(), "custom_field_options");
            String value = optionValue(w.value(), "custom_field_options");
            if (!values.add(value)) {
                throw new RecordInvalidException(
                        "custom_field_options",
                        "DuplicateValue",
                        "Custom field options: value " + value + " is used twice");
            }
            if (w.id() != null && !byId.containsKey(w.id())) {
                throw Input.invalid("custom_field_options", "no option with id " + w.id() + " on this field");
            }
            if (w.id() != null) {
                kept.add(w.id());
            }
        }
        // Free the values of dropped options first, and park kept ones on a value no tag can have
        // (it has spaces), so options may swap values without tripping the unique constraint.
        current.stream().filter(o -> !kept.contains(o.id())).forEach(o -> repository.deleteOption(o.id()));
        for (Long id : kept) {
            repository.updateOption(id, "", " swap " + id, 0, now);
        }
        for (int i = 0; i < wanted.size(); i++) {
            OptionWrite w = wanted.get(i);
            String name = optionName(w.name(), "custom_field_options");
            String value = optionValue(w.value(), "custom_field_options");
            int position = w.position() == null ? i : w.position();
            if (w.id() != null) {
                repository.updateOption(w.id(), name, value, position, now);
            } else {
                repository.insertOption(fieldId, name, value, position, now);
            }
        }
    }

    private static String optionName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new RecordInvalidException(
                    field, "BlankValue", Input.label(field) + ": an option's name cannot be blank");
        }
        if (name.length() > 255) {
            throw Input.invalid(field, "an option's name is longer than 255 characters");
        }
        return name.strip();
    }

    /** Option values are tags: lower-cased, no spaces. */
    private static String optionValue(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RecordInvalidException(
                    field, "BlankValue", Input.label(field) + ": an option's value cannot be blank");
        }
        String tag = value.strip().toLowerCase(Locale.ROOT);
        if (tag.length() > 255 || tag.chars().anyMatch(Character::isWhitespace)) {
            throw Input.invalid(field, "an option's value is a tag: no spaces, at most 255 characters");
        }
        return tag;
    }

    private static String title(Optional<String> title) {
        return title.map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() -> Input.blank("title"));
    }

    private static String regexp(FieldType type, Optional<String> regexp) {
        if (type != FieldType.REGEXP) {
            return null;
        }
        String pattern = regexp.filter(r -> !r.isBlank()).orElseThrow(() -> Input.blank("regexp_for_validation"));
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw Input.invalid("regexp_for_validation", "is not a valid regular expression");
        }
        return pattern;
    }

    private static String tag(Optional<String> tag) {
        return tag.map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .map(t -> {
                    if (t.chars().anyMatch(Character::isWhitespace) || t.length() > 255) {
                        throw Input.invalid("tag", "is a tag: no spaces, at most 255 characters");
                    }
                    return t;
                })
                .orElse(null);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
