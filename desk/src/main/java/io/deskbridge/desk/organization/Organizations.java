package io.deskbridge.desk.organization;

import io.deskbridge.desk.api.AccountFieldValues;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.search.SearchIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's organizations: unique names, tags, domains, custom fields; indexed for search. */
@Service
public class Organizations {

    static final String SEARCH_TYPE = "organization";

    private final OrganizationRepository repository;
    private final SearchIndex index;
    private final Clock clock;

    private final AccountFieldValues fieldValues;
    private final ApplicationEventPublisher publisher;

    Organizations(
            OrganizationRepository repository,
            SearchIndex index,
            Clock clock,
            AccountFieldValues fieldValues,
            ApplicationEventPublisher publisher) {
        this.fieldValues = fieldValues;
        this.publisher = publisher;
        this.repository = repository;
        this.index = index;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Organization get(long id) {
        return repository.findById(id).orElseThrow(() -> OrganizationNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Organization> findAll(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findByName(String name) {
        return repository.findByName(name);
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findByExternalId(String externalId) {
        return repository.findByExternalId(externalId);
    }

    /**
     * The organization a new user with this email joins, as Zendesk maps users by their email's domain
     * to the organization listing it in {@code domain_names}; the oldest when several list it.
     */
    @Transactional(readOnly = true)
    public Optional<Organization> findByEmailDomain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
        return repository.findMentioningDomain(domain).stream()
                .filter(o -> o.domainNames().stream().anyMatch(d -> d.strip().equalsIgnoreCase(domain)))
                .findFirst();
    }

    /** A page of the organizations the filter keeps. */
    @Transactional(readOnly = true)
    public List<Organization> page(OrganizationFilter filter, PageQuery page) {
        return repository.page(filter, page);
    }

    /** Organizations (deleted ones too) in export order after the (updated_at, id) position. */
    @Transactional(readOnly = true)
    public List<Organization> exportAfter(Instant afterUpdated, long afterId, Instant max, int limit) {
        return repository.exportAfter(afterUpdated, afterId, max, limit);
    }

    @Transactional(readOnly = true)
    public long count(OrganizationFilter filter) {
        return repository.count(filter);
    }

    @Transactional
    public Organization create(OrganizationChanges changes) {
        String name =
                changes.name().map(String::strip).filter(n -> !n.isEmpty()).orElseThrow(() -> Input.blank("name"));
        if (repository.nameTaken(name, -1)) {
            throw duplicateName(name);
        }
        Instant now = now();
        Organization draft = apply(
                new Organization(
                        0, name, null, null, null, null, false, false, List.of(), List.of(), Map.of(), false, now, now),
                changes);
        long id = repository.insert(draft, now);
        Organization saved = get(id);
        index.replace(SEARCH_TYPE, id, searchText(saved));
        return saved;
    }

    @Transactional
    public Organization update(long id, OrganizationChanges changes) {
        Organization current = get(id);
        Organization updated = apply(current, changes);
        if (updated.name().isBlank()) {
            throw Input.blank("name");
        }
        if (!updated.name().equalsIgnoreCase(current.name()) && repository.nameTaken(updated.name(), id)) {
            throw duplicateName(updated.name());
        }
        repository.update(updated, now());
        Organization saved = get(id);
        index.replace(SEARCH_TYPE, id, searchText(saved));
        return saved;
    }

    /** Soft: the row stays for exports. Its memberships go in the same transaction (organizationmembership/). */
    @Transactional
    public void delete(long id) {
        get(id);
        repository.markDeleted(id, now());
        index.replace(SEARCH_TYPE, id, "");
        publisher.publishEvent(new OrganizationDeleted(id));
    }

    private Organization apply(Organization o, OrganizationChanges c) {
        return new Organization(
                o.id(),
                c.name().map(String::strip).orElse(o.name()),
                c.externalId().orElse(o.externalId()),
                c.details().orElse(o.details()),
                c.notes().orElse(o.notes()),
                c.groupId().orElse(o.groupId()),
                c.sharedTickets().orElse(o.sharedTickets()),
                c.sharedComments().orElse(o.sharedComments()),
                c.domainNames().orElse(o.domainNames()),
                c.tags().orElse(o.tags()),
                c.organizationFields()
                        .map(v -> fieldValues.check(AccountFieldValues.Owner.ORGANIZATION, v))
                        .orElse(o.organizationFields()),
                o.deleted(),
                o.createdAt(),
                o.updatedAt());
    }

    private static RecordInvalidException duplicateName(String name) {
        return new RecordInvalidException("name", "DuplicateValue", "Name: " + name + " has already been taken");
    }

    static String searchText(Organization o) {
        return String.join(
                " ",
                o.name(),
                nullToEmpty(o.details()),
                nullToEmpty(o.notes()),
                String.join(" ", o.tags()),
                String.join(" ", o.domainNames()),
                nullToEmpty(o.externalId()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
