package io.deskbridge.desk.routing;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account attributes and their values; names are required and unique within their list. */
@Service
class RoutingAttributes {

    static final int MAX_NAME = 255;

    private final RoutingRepository repository;
    private final Clock clock;

    RoutingAttributes(RoutingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<RoutingAttribute> attributes() {
        return repository.attributes();
    }

    @Transactional(readOnly = true)
    RoutingAttribute attribute(String id) {
        return repository.attribute(id).orElseThrow(() -> notFound("attribute", id));
    }

    @Transactional
    RoutingAttribute createAttribute(String name) {
        String clean = name(name);
        requireUniqueAttribute(clean, null);
        String id = UUID.randomUUID().toString();
        repository.insertAttribute(id, clean, now());
        return attribute(id);
    }

    @Transactional
    RoutingAttribute renameAttribute(String id, String name) {
        RoutingAttribute current = attribute(id);
        String clean = name(name);
        if (!clean.equals(current.name())) {
            requireUniqueAttribute(clean, id);
            repository.renameAttribute(id, clean, now());
        }
        return attribute(id);
    }

    @Transactional
    void deleteAttribute(String id) {
        attribute(id);
        repository.deleteAttribute(id);
    }

    /** Values of one attribute; of every attribute when {@code attributeId} is null (the sideload). */
    @Transactional(readOnly = true)
    List<RoutingAttributeValue> values(String attributeId) {
        if (attributeId != null) {
            attribute(attributeId);
        }
        return repository.values(attributeId);
    }

    @Transactional(readOnly = true)
    RoutingAttributeValue value(String attributeId, String id) {
        attribute(attributeId);
        return repository.value(attributeId, id).orElseThrow(() -> notFound("attribute value", id));
    }

    @Transactional
    RoutingAttributeValue createValue(String attributeId, String name, String conditions) {
        attribute(attributeId);
        String clean = name(name);
        requireUniqueValue(attributeId, clean, null);
        String id = UUID.randomUUID().toString();
        repository.insertValue(id, attributeId, clean, conditions, now());
        return value(attributeId, id);
    }

    /** A new name and/or conditions; null keeps the current one. */
    @Transactional
    RoutingAttributeValue updateValue(String attributeId, String id, String name, String conditions) {
        RoutingAttributeValue current = value(attributeId, id);
        String clean = name == null ? current.name() : name(name);
        if (!clean.equals(current.name())) {
            requireUniqueValue(attributeId, clean, id);
        }
        repository.updateValue(id, clean, conditions == null ? current.conditions() : conditions, now());
        return value(attributeId, id);
    }

    @Transactional
    void deleteValue(String attributeId, String id) {
        value(attributeId, id);
        repository.deleteValue(id);
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw Input.blank("name");
        }
        return name.strip();
    }

    private void requireUniqueAttribute(String name, String exceptId) {
        boolean taken = repository.attributes().stream()
                .anyMatch(a -> a.name().equalsIgnoreCase(name) && !a.id().equals(exceptId));
        if (taken) {
            throw Input.invalid("name", "there is already an attribute named " + name);
        }
    }

    private void requireUniqueValue(String attributeId, String name, String exceptId) {
        boolean taken = repository.values(attributeId).stream()
                .anyMatch(v -> v.name().equalsIgnoreCase(name) && !v.id().equals(exceptId));
        if (taken) {
            throw Input.invalid("name", "the attribute already has a value named " + name);
        }
    }

    private static RecordNotFoundException notFound(String what, String id) {
        return new RecordNotFoundException("No " + what + " " + id);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
