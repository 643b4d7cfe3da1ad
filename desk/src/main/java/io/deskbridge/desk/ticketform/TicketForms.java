package io.deskbridge.desk.ticketform;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.customfield.CustomFields;
import io.deskbridge.desk.customfield.FieldDefinition;
import io.deskbridge.desk.customfield.FieldOwner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ticket forms, one of them the default (see package-info). */
@Service
public class TicketForms {

    private final TicketFormRepository repository;
    private final CustomFields fields;
    private final Clock clock;

    TicketForms(TicketFormRepository repository, CustomFields fields, Clock clock) {
        this.repository = repository;
        this.fields = fields;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TicketForm> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public TicketForm get(long id) {
        return repository.find(id).orElseThrow(() -> new RecordNotFoundException("No ticket form with id " + id));
    }

    @Transactional
    TicketForm create(TicketFormWrite write) {
        String name = name(write.name());
        Instant now = now();
        long id = repository.insert(
                new TicketForm(
                        0,
                        name,
                        write.displayName()
                                .map(String::strip)
                                .filter(d -> !d.isEmpty())
                                .orElse(name),
                        write.position().orElseGet(repository::nextPosition),
                        write.active().orElse(true),
                        false,
                        write.endUserVisible().orElse(true),
                        fieldIds(write.ticketFieldIds()).orElse(List.of()),
                        now,
                        now),
                now);
        if (write.isDefault().orElse(false)) {
            repository.makeDefault(id, now);
        }
        return get(id);
    }

    @Transactional
    TicketForm update(long id, TicketFormWrite write) {
        TicketForm current = get(id);
        if (current.isDefault() && write.isDefault().map(d -> !d).orElse(false)) {
            throw new RecordInvalidException(
                    "default", "InvalidValue", "Default: make another form the default instead");
        }
        boolean active = write.active().orElse(current.active());
        if ((current.isDefault() || write.isDefault().orElse(false)) && !active) {
            throw new RecordInvalidException(
                    "active", "InvalidValue", "Active: the default ticket form cannot be deactivated");
        }
        Instant now = now();
        repository.update(
                new TicketForm(
                        id,
                        write.name().isPresent() ? name(write.name()) : current.name(),
                        write.displayName()
                                .map(String::strip)
                                .filter(d -> !d.isEmpty())
                                .orElse(current.displayName()),
                        write.position().orElse(current.position()),
                        active,
                        current.isDefault(),
                        write.endUserVisible().orElse(current.endUserVisible()),
                        fieldIds(write.ticketFieldIds()).orElse(current.ticketFieldIds()),
                        current.createdAt(),
                        now),
                now);
        if (!current.isDefault() && write.isDefault().orElse(false)) {
            repository.makeDefault(id, now);
        }
        return get(id);
    }

    @Transactional
    void reorder(List<Long> ids) {
        Set<Long> known = repository.all().stream().map(TicketForm::id).collect(Collectors.toSet());
        List<Long> unknown = ids.stream().filter(i -> !known.contains(i)).toList();
        if (!unknown.isEmpty()) {
            throw Input.invalid("ticket_form_ids", "no ticket form with id " + unknown);
        }
        Instant now = now();
        List<Long> ordered = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int i = 0; i < ordered.size(); i++) {
            repository.setPosition(ordered.get(i), i + 1, now);
        }
    }

    @Transactional
    void delete(long id) {
        if (get(id).isDefault()) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "The default ticket form cannot be deleted; make another form the default first");
        }
        repository.delete(id);
    }

    private Optional<List<Long>> fieldIds(Optional<List<Long>> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        Set<Long> known =
                fields.list(FieldOwner.TICKET).stream().map(FieldDefinition::id).collect(Collectors.toSet());
        List<Long> unknown = ids.get().stream().filter(i -> !known.contains(i)).toList();
        if (!unknown.isEmpty()) {
            throw Input.invalid("ticket_field_ids", "no ticket field with id " + unknown);
        }
        return ids;
    }

    private static String name(Optional<String> name) {
        return name.map(String::strip).filter(n -> !n.isEmpty()).orElseThrow(() -> Input.blank("name"));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
