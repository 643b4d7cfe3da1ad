package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.attachment.Attachments;
import io.deskbridge.desk.group.Groups;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.search.SearchIndex;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserNotFoundException;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Tickets with Zendesk's rules: a create needs a comment (the description), an update may add a
 * comment and tags, closed tickets refuse updates, {@code generated_timestamp} moves on every change,
 * deletes are soft and restorable. Every create and update records an audit with its events.
 */
@Service
public class Tickets {

    static final String SEARCH_TYPE = "ticket";

    private final TicketRepository repository;
    private final Users users;
    private final Organizations organizations;
    private final Groups groups;
    private final SearchIndex index;
    private final Clock clock;
    private final IdempotencyRepository idempotency;
    private final ApplicationEventPublisher publisher;
    private final Attachments attachments;
    private final WriteFields writeFields;
    private final org.springframework.beans.factory.ObjectProvider<TicketRules> rules;

    /** The fields business rules may change, in the order their audit events are written. */
    private static final List<String> RULE_FIELDS =
            List.of("status", "priority", "type", "assignee_id", "group_id", "tags", "custom_fields");

    /** desk itself as an audit's author (automations), as Zendesk's -1. */
    static final long SYSTEM_AUTHOR = -1;

    static final java.time.Duration IDEMPOTENCY_WINDOW = java.time.Duration.ofHours(2);

    Tickets(
            TicketRepository repository,
            Users users,
            Organizations organizations,
            Groups groups,
            SearchIndex index,
            Clock clock,
            IdempotencyRepository idempotency,
            ApplicationEventPublisher publisher,
            Attachments attachments,
            WriteFields writeFields,
            org.springframework.beans.factory.ObjectProvider<TicketRules> rules) {
        this.writeFields = writeFields;
        this.rules = rules;
        this.publisher = publisher;
        this.attachments = attachments;
        this.repository = repository;
        this.idempotency = idempotency;
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
        this.index = index;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Ticket get(long id) {
        return repository.findById(id).filter(t -> !t.deleted()).orElseThrow(() -> TicketNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public List<Ticket> findAll(Collection<Long> ids) {
        return repository.findByIds(ids);
    }

    /** A page of the tickets the filter keeps. */
    @Transactional(readOnly = true)
    public List<Ticket> page(TicketFilter filter, PageQuery page) {
        return repository.page(filter, page);
    }

    /** The ids and sort columns of the same page as {@link #page}, without the rest of each row. */
    @Transactional(readOnly = true)
    public List<TicketKey> pageKeys(TicketFilter filter, PageQuery page) {
        return repository.pageKeys(filter, page);
    }

    @Transactional(readOnly = true)
    public long count(TicketFilter filter) {
        return repository.count(filter);
    }

    /**
     * One page of the incremental export: tickets after the (generated_timestamp, id) position, never
     * newer than {@code maxTimestamp}, in export order; deleted tickets included unless excluded.
     */
    @Transactional(readOnly = true)
    public List<Ticket> exportAfter(
            long afterTimestamp, long afterId, long maxTimestamp, boolean excludeDeleted, int limit) {
        return repository.exportAfter(afterTimestamp, afterId, maxTimestamp, excludeDeleted, limit);
    }

    /** Ticket audits from {@code start} (inclusive) to {@code max}, in time order. */
    @Transactional(readOnly = true)
    public List<TicketAudit> auditsFrom(Instant start, Instant max, int limit) {
        return repository.auditsFrom(start, max, limit);
    }

    /** Every audit of a ticket, oldest first: who changed what, through which channel. */
    @Transactional(readOnly = true)
    public List<TicketAudit> audits(long ticketId) {
        get(ticketId);
        return repository.audits(ticketId);
    }

    @Transactional(readOnly = true)
    public long countAudits(long ticketId) {
        get(ticketId);
        return repository.countAudits(ticketId);
    }

    @Transactional(readOnly = true)
    public List<TicketAudit> audits(long ticketId, PageQuery page) {
        get(ticketId);
        return repository.audits(ticketId, page);
    }

    @Transactional(readOnly = true)
    public TicketAudit audit(long ticketId, long auditId) {
        get(ticketId);
        return repository.audit(ticketId, auditId).orElseThrow(() -> AuditNotFoundException.forId(ticketId, auditId));
    }

    /**
     * Makes the comment an audit added private ({@code PUT /tickets/{id}/audits/{audit_id}/make_private}):
     * the comment and the audit's {@code Comment} event both become {@code public: false}. An audit
     * without a comment is left as it is (Zendesk answers 200 there too). The ticket's other fields
     * and its update time do not change: Zendesk records no new audit for it.
     */
    @Transactional
    public void makePrivate(long ticketId, long auditId) {
        TicketAudit audit = audit(ticketId, auditId);
        List<AuditEvent> events = new ArrayList<>();
        boolean changed = false;
        for (AuditEvent event : audit.events()) {
            if (event instanceof AuditEvent.Comment c && c.isPublic()) {
                events.add(new AuditEvent.Comment(
                        c.id(),
                        c.type(),
                        c.authorId(),
                        c.body(),
                        c.htmlBody(),
                        c.plainBody(),
                        false,
                        c.attachments(),
                        c.auditId()));
                changed = true;
            } else {
                events.add(event);
            }
        }
        if (changed) {
            repository.updateAuditEvents(auditId, events);
            repository.makeCommentsPrivate(ticketId, auditId);
        }
    }

    /** Every ticket's audits, newest first, older than {@code beforeId} (null: from the newest). */
    @Transactional(readOnly = true)
    public List<TicketAudit> auditsBefore(Long beforeId, int limit) {
        return repository.auditsBefore(beforeId, limit);
    }

    /** Every ticket's audits newer than {@code afterId}, oldest first. */
    @Transactional(readOnly = true)
    public List<TicketAudit> auditsAfter(long afterId, int limit) {
        return repository.auditsAfter(afterId, limit);
    }

    /** The metric set of each ticket (in the given order), derived from its audits. */
    @Transactional(readOnly = true)
    public List<TicketMetricJson> metrics(List<Ticket> shown, String baseUrl) {
        List<Long> ids = shown.stream().map(Ticket::id).toList();
        Map<Long, List<TicketAudit>> byTicket = new LinkedHashMap<>();
        for (TicketAudit audit : repository.auditsOf(ids)) {
            byTicket.computeIfAbsent(audit.ticketId(), k -> new ArrayList<>()).add(audit);
        }
        Set<Long> authors = new HashSet<>();
        byTicket.values()
                .forEach(list -> list.forEach(a -> a.events().stream()
                        .filter(e -> e instanceof AuditEvent.Comment)
                        .forEach(e -> authors.add(((AuditEvent.Comment) e).authorId()))));
        Set<Long> agents = new HashSet<>();
        users.findAll(authors).stream().filter(u -> u.role() != Role.END_USER).forEach(u -> agents.add(u.id()));
        return shown.stream()
                .map(t -> TicketMetrics.of(t, byTicket.getOrDefault(t.id(), List.of()), agents::contains, baseUrl))
                .toList();
    }

    @Transactional(readOnly = true)
    public long countComments(long ticketId) {
        get(ticketId);
        return repository.countComments(ticketId);
    }

    @Transactional(readOnly = true)
    public List<TicketComment> comments(long ticketId, PageQuery page) {
        get(ticketId);
        return repository.comments(ticketId, page);
    }

    /** A create through the API. */
    @Transactional
    public TicketWrite create(DeskPrincipal caller, TicketChanges changes) {
        return create(caller, changes, ViaChannel.API);
    }

    /** A create through {@code channel}: the ticket, its audit and its first comment carry it. */
    @Transactional
    public TicketWrite create(DeskPrincipal caller, TicketChanges changes, ViaChannel channel) {
        return create(caller, changes, channel, 0);
    }

    /**
     * An id for a ticket created later by {@link #createReserved} ({@code POST /tickets?async=true}
     * answers it before its job runs). No ticket has it until then.
     */
    @Transactional
    public long reserveId() {
        return repository.reserveId(now());
    }

    /** A create through the API under an id {@link #reserveId} gave; otherwise as {@link #create}. */
    @Transactional
    public TicketWrite createReserved(DeskPrincipal caller, long reservedId, TicketChanges changes) {
        if (reservedId <= 0 || repository.findById(reservedId).isPresent()) {
            throw new IllegalStateException("Ticket id " + reservedId + " was not reserved or is taken");
        }
        return create(caller, changes, ViaChannel.API, reservedId);
    }

    private TicketWrite create(DeskPrincipal caller, TicketChanges changes, ViaChannel channel, long reservedId) {
        String via = channel.wireName();
        NewComment comment = changes.comment()
                .filter(c -> (c.body() != null && !c.body().isBlank())
                        || (c.htmlBody() != null && !c.htmlBody().isBlank()))
                .orElseThrow(
                        () -> new RecordInvalidException("description", "BlankValue", "Description: cannot be blank"));
        Instant now = now();
        UserAccount requester = changes.requester().map(this::resolveRequester).orElseGet(() -> user(caller.userId()));
        long submitterId = changes.submitterId().map(id -> user(id).id()).orElse(caller.userId());
        TicketChanges.People people = changes.people();
        Long assigneeId = writeFields
                .assigneeByEmail(people.assigneeEmail())
                .orElse(changes.assigneeId().or(null));
        String status = changes.status().orElse(assigneeId != null ? "open" : "new");
        if (status.equals("closed")) {
            // Zendesk closes a ticket only from solved (or through the ticket import API): a new
            // ticket cannot start closed.
            throw new RecordInvalidException(
                    "status", "InvalidValue", "Status: closed is not valid for a new ticket; use solved");
        }
        List<String> tags = new ArrayList<>(changes.tags().orElse(List.of()));
        changes.additionalTags().ifPresent(tags::addAll);
        WriteFields.CheckedFields fields =
                writeFields.customFields(List.of(), changes.customFields().orElse(List.of()));
        tags.removeAll(fields.removeTags());
        tags.addAll(fields.addTags());
        Long problemId =
                writeFields.problem(people.problemId(), null, changes.type().or(null), 0);
        String subject = changes.subject().orElse(null);
        String body = bodyOf(comment);
        Ticket draft = new Ticket(
                reservedId,
                changes.externalId().or(null),
                changes.type().or(null),
                subject,
                subject,
                body,
                changes.priority().or(null),
                status,
                changes.recipient().orElse(null),
                requester.id(),
                submitterId,
                assigneeId,
                changes.organizationId().present() ? changes.organizationId().value() : requester.organizationId(),
                changes.groupId().or(null),
                writeFields
                        .collaborators(people.collaborators())
                        .orElse(changes.collaboratorIds().orElse(List.of())),
                writeFields.followers(people.followers(), List.of()),
                distinct(tags),
                fields.values(),
                via,
                changes.dueAt().or(null),
                comment.isPublic() == null || comment.isPublic(),
                false,
                now,
                now,
                now.getEpochSecond(),
                null,
                null,
                writeFields.brand(people.brandId(), null),
                writeFields.form(people.ticketFormId(), null),
                problemId,
                writeFields.emailCcs(people.emailCcs(), List.of()));
        validate(draft, caller);
        long id = repository.insert(draft);
        writeFields.linked(problemId);
        Ticket saved = repository.findById(id).orElseThrow();
        long auditId = repository.insertAudit(id, caller.userId(), via, now);
        List<AuditEvent> events = new ArrayList<>();
        for (String field : List.of(
                "subject",
                "status",
                "priority",
                "type",
                "requester_id",
                "assignee_id",
                "group_id",
                "organization_id",
                "tags")) {
            Object value = fieldValue(saved, field);
            if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                events.add(new AuditEvent.Create(eventId(auditId, events), field, TicketCodec.tree(value)));
            }
        }
        TicketComment added = addComment(
                saved,
                auditId,
                comment,
                comment.authorId() != null ? comment.authorId() : caller.userId(),
                now,
                via,
                events);
        saved = runRules(null, saved, comment, via, caller.userId(), auditId, events);
        repository.updateAuditEvents(auditId, events);
        index.replace(SEARCH_TYPE, id, searchText(saved, List.of(added.plainBody())));
        publisher.publishEvent(new TicketChanged(
                TicketChanged.Kind.CREATED, saved, null, TicketCodec.maps(events), caller.userId(), now));
        return new TicketWrite(saved, new TicketAudit(auditId, id, caller.userId(), now, via, events), false);
    }

    /**
     * A historical ticket ({@code /api/v2/imports/tickets}): its own creation, update and solve times,
     * each comment with its author and time (one audit per comment, at its time), any status including
     * closed. Its {@code generated_timestamp} is the time of the import, so incremental exports that
     * have passed the historical times still see it. Its {@link TicketChanged} is marked {@link
     * TicketChanged.Origin#IMPORT}: no webhook, trigger or notification reacts to it, as in Zendesk.
     */
    @Transactional
    public TicketWrite importTicket(DeskPrincipal caller, TicketChanges changes, TicketImport history) {
        String via = ViaChannel.API.wireName();
        Instant now = now();
        Instant createdAt = history.createdAt() != null ? history.createdAt() : now;
        List<TicketImport.ImportedComment> comments = new ArrayList<>(history.comments());
        if (comments.isEmpty()) {
            changes.comment().ifPresent(c -> comments.add(new TicketImport.ImportedComment(c, createdAt)));
        }
        comments.removeIf(c -> bodyOf(c.comment()).isBlank());
        if (comments.isEmpty()) {
            throw new RecordInvalidException("description", "BlankValue", "Description: cannot be blank");
        }
        comments.sort(java.util.Comparator.comparing(
                (TicketImport.ImportedComment c) -> c.createdAt() != null ? c.createdAt() : createdAt));
        UserAccount requester = changes.requester().map(this::resolveRequester).orElseGet(() -> user(caller.userId()));
        long submitterId = changes.submitterId().map(id -> user(id).id()).orElse(requester.id());
        Long assigneeId = changes.assigneeId().or(null);
        String status = changes.status().orElse(assigneeId != null ? "open" : "new");
        boolean resolved = status.equals("solved") || status.equals("closed");
        Instant solvedAt = resolved && history.solvedAt() != null ? history.solvedAt() : null;
        Instant latest = createdAt;
        for (TicketImport.ImportedComment c : comments) {
            if (c.createdAt() != null && c.createdAt().isAfter(latest)) {
                latest = c.createdAt();
            }
        }
        if (solvedAt != null && solvedAt.isAfter(latest)) {
            latest = solvedAt;
        }
        Instant updatedAt = history.updatedAt() != null ? history.updatedAt() : latest;
        if (updatedAt.isBefore(createdAt)) {
            throw Input.invalid("updated_at", "is " + updatedAt + ", before the ticket's created_at " + createdAt);
        }
        List<String> tags = new ArrayList<>(changes.tags().orElse(List.of()));
        WriteFields.CheckedFields fields =
                writeFields.customFields(List.of(), changes.customFields().orElse(List.of()));
        tags.removeAll(fields.removeTags());
        tags.addAll(fields.addTags());
        String subject = changes.subject().orElse(null);
        NewComment first = comments.get(0).comment();
        Ticket draft = new Ticket(
                0,
                changes.externalId().or(null),
                changes.type().or(null),
                subject,
                subject,
                bodyOf(first),
                changes.priority().or(null),
                status,
                changes.recipient().orElse(null),
                requester.id(),
                submitterId,
                assigneeId,
                changes.organizationId().present() ? changes.organizationId().value() : requester.organizationId(),
                changes.groupId().or(null),
                changes.collaboratorIds().orElse(List.of()),
                List.of(),
                distinct(tags),
                fields.values(),
                via,
                changes.dueAt().or(null),
                first.isPublic() == null || first.isPublic(),
                false,
                createdAt,
                updatedAt,
                now.getEpochSecond(),
                null,
                null,
                writeFields.brand(changes.people().brandId(), null),
                writeFields.form(changes.people().ticketFormId(), null),
                null,
                List.of());
        validate(draft, caller);
        long id = repository.insert(draft);
        Ticket saved = repository.findById(id).orElseThrow();
        List<String> bodies = new ArrayList<>();
        List<AuditEvent> firstEvents = null;
        TicketAudit firstAudit = null;
        for (int i = 0; i < comments.size(); i++) {
            TicketImport.ImportedComment imported = comments.get(i);
            NewComment c = imported.comment();
            long authorId = c.authorId() != null ? c.authorId() : requester.id();
            Instant at = imported.createdAt() != null ? imported.createdAt() : createdAt;
            long auditId = repository.insertAudit(id, authorId, via, i == 0 ? createdAt : at);
            List<AuditEvent> events = new ArrayList<>();
            if (i == 0) {
                for (String field : List.of(
                        "subject",
                        "status",
                        "priority",
                        "type",
                        "requester_id",
                        "assignee_id",
                        "group_id",
                        "organization_id",
                        "tags")) {
                    Object value = field.equals("status") && solvedAt != null ? "open" : fieldValue(saved, field);
                    if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                        events.add(new AuditEvent.Create(eventId(auditId, events), field, TicketCodec.tree(value)));
                    }
                }
            }
            bodies.add(addComment(saved, auditId, c, authorId, i == 0 ? createdAt : at, via, events)
                    .plainBody());
            repository.updateAuditEvents(auditId, events);
            if (i == 0) {
                firstEvents = events;
                firstAudit = new TicketAudit(auditId, id, authorId, createdAt, via, events);
            }
        }
        if (solvedAt != null) {
            // The solve is an audit of its own at solved_at, so solved_at and the resolution metrics
            // (derived from the audits) are the historical ones.
            // A closed ticket was solved first, then closed (at its last update).
            long solver = assigneeId != null ? assigneeId : caller.userId();
            statusChange(id, solver, via, solvedAt, "open", "solved");
            if (status.equals("closed")) {
                statusChange(id, solver, via, updatedAt.isBefore(solvedAt) ? solvedAt : updatedAt, "solved", "closed");
            }
        }
        index.replace(SEARCH_TYPE, id, searchText(saved, bodies));
        publisher.publishEvent(new TicketChanged(
                TicketChanged.Kind.CREATED,
                saved,
                null,
                TicketCodec.maps(firstEvents),
                caller.userId(),
                now,
                TicketChanged.Origin.IMPORT));
        return new TicketWrite(saved, firstAudit, false);
    }

    private void statusChange(long ticketId, long authorId, String via, Instant at, String from, String to) {
        long auditId = repository.insertAudit(ticketId, authorId, via, at);
        List<AuditEvent> events = new ArrayList<>();
        events.add(new AuditEvent.Change(
                eventId(auditId, events), "status", TicketCodec.tree(to), TicketCodec.tree(from)));
        repository.updateAuditEvents(auditId, events);
    }

    /** An update through the API. */
    @Transactional
    public TicketWrite update(DeskPrincipal caller, long id, TicketChanges changes) {
        return update(caller, id, changes, ViaChannel.API, Optional.empty());
    }

    /** An update through {@code channel}: its audit and comment carry it. */
    @Transactional
    public TicketWrite update(DeskPrincipal caller, long id, TicketChanges changes, ViaChannel channel) {
        return update(caller, id, changes, channel, Optional.empty());
    }

    /** An update through the API with Zendesk's {@code safe_update}. */
    @Transactional
    public TicketWrite update(DeskPrincipal caller, long id, TicketChanges changes, Optional<Instant> safeUpdateStamp) {
        return update(caller, id, changes, ViaChannel.API, safeUpdateStamp);
    }

    /**
     * An update through {@code channel}; with {@code safeUpdateStamp} (Zendesk's {@code safe_update}
     * + {@code updated_stamp}) it applies only if the ticket's {@code updated_at} is still that
     * instant, checked under the row lock, else a 409 {@code UpdateConflict} and nothing changes.
     */
    @Transactional
    public TicketWrite update(
            DeskPrincipal caller,
            long id,
            TicketChanges changes,
            ViaChannel channel,
            Optional<Instant> safeUpdateStamp) {
        String via = channel.wireName();
        Ticket current =
                repository.lock(id).filter(t -> !t.deleted()).orElseThrow(() -> TicketNotFoundException.forId(id));
        if (safeUpdateStamp.isPresent() && !safeUpdateStamp.get().equals(current.updatedAt())) {
            throw new UpdateConflictException(id);
        }
        if ("closed".equals(current.status())) {
            throw new RecordInvalidException("status", "InvalidValue", "Status: closed prevents ticket update");
        }
        Instant now = now();
        List<String> tags = new ArrayList<>(changes.tags().orElse(current.tags()));
        changes.additionalTags().ifPresent(tags::addAll);
        changes.removeTags().ifPresent(tags::removeAll);
        TicketChanges.People people = changes.people();
        WriteFields.CheckedFields fields = writeFields.customFields(
                current.customFields(), changes.customFields().orElse(List.of()));
        tags.removeAll(fields.removeTags());
        tags.addAll(fields.addTags());
        UserAccount requester = changes.requester().map(this::resolveRequester).orElse(null);
        Long assigneeId = writeFields
                .assigneeByEmail(people.assigneeEmail())
                .orElse(changes.assigneeId().or(current.assigneeId()));
        String type = changes.type().or(current.type());
        Long problemId = writeFields.problem(people.problemId(), current.problemId(), type, id);
        String status = changes.status().orElse(current.status());
        if ("new".equals(status) && assigneeId != null && !changes.status().isPresent()) {
            status = "open";
        }
        if ("solved".equals(status) && assigneeId == null && caller.role() != Role.END_USER) {
            // Zendesk requires an assignee to solve; the solving agent takes the ticket.
            assigneeId = caller.userId();
        }
        Ticket updated = new Ticket(
                id,
                changes.externalId().or(current.externalId()),
                type,
                changes.subject().orElse(current.subject()),
                changes.subject().orElse(current.rawSubject()),
                current.description(),
                changes.priority().or(current.priority()),
                status,
                changes.recipient().orElse(current.recipient()),
                requester != null ? requester.id() : current.requesterId(),
                current.submitterId(),
                assigneeId,
                changes.organizationId().or(current.organizationId()),
                changes.groupId().or(current.groupId()),
                writeFields
                        .collaborators(people.collaborators())
                        .orElse(changes.collaboratorIds().orElse(current.collaboratorIds())),
                writeFields.followers(people.followers(), current.followerIds()),
                distinct(tags),
                mergeCustomFields(current.customFields(), fields.values()),
                current.viaChannel(),
                changes.dueAt().or(current.dueAt()),
                current.isPublic(),
                current.hasIncidents(),
                current.createdAt(),
                now,
                nextGeneratedTimestamp(now, current),
                null,
                null,
                writeFields.brand(people.brandId(), current.brandId()),
                writeFields.form(people.ticketFormId(), current.ticketFormId()),
                problemId,
                writeFields.emailCcs(people.emailCcs(), current.emailCcIds()),
                current.satisfaction());
        validate(updated, caller);
        repository.update(updated);
        if (!Objects.equals(problemId, current.problemId())) {
            writeFields.linked(problemId);
        }
        long auditId = repository.insertAudit(id, caller.userId(), via, now);
        List<AuditEvent> events = new ArrayList<>();
        for (String field : List.of(
                "subject",
                "status",
                "priority",
                "type",
                "requester_id",
                "assignee_id",
                "group_id",
                "organization_id",
                "tags",
                "external_id",
                "due_at",
                "custom_fields")) {
            Object before = fieldValue(current, field);
            Object after = fieldValue(updated, field);
            if (!Objects.equals(before, after)) {
                events.add(new AuditEvent.Change(
                        eventId(auditId, events), field, TicketCodec.tree(after), TicketCodec.tree(before)));
            }
        }
        Ticket saved = repository.findById(id).orElseThrow();
        Optional<NewComment> comment = changes.comment()
                .filter(c -> !bodyOf(c).isBlank() || !c.uploads().isEmpty());
        if (comment.isPresent()) {
            NewComment c = comment.get();
            TicketComment added = addComment(
                    saved, auditId, c, c.authorId() != null ? c.authorId() : caller.userId(), now, via, events);
            index.add(SEARCH_TYPE, id, added.plainBody());
        }
        saved = runRules(current, saved, comment.orElse(null), via, caller.userId(), auditId, events);
        boolean indexedFieldsChanged = !Objects.equals(current.subject(), saved.subject())
                || !current.tags().equals(saved.tags())
                || !Objects.equals(current.externalId(), saved.externalId());
        if (indexedFieldsChanged) {
            index.replace(SEARCH_TYPE, id, searchText(saved, repository.commentBodies(id)));
        }
        repository.updateAuditEvents(auditId, events);
        publisher.publishEvent(new TicketChanged(
                TicketChanged.Kind.UPDATED, saved, current, TicketCodec.maps(events), caller.userId(), now));
        return new TicketWrite(saved, new TicketAudit(auditId, id, caller.userId(), now, via, events), false);
    }

    /**
     * An automation's change ({@code applyAutomation}): the fields it sets, its notifications, one
     * audit through the {@code rule} channel authored by desk (-1), then the triggers, as Zendesk runs
     * triggers after an automation updates a ticket. Nothing happens (empty) when the ticket is gone,
     * closed, or the automation would change nothing and notify nobody.
     */
    @Transactional
    public Optional<Ticket> applyAutomation(
            long ticketId, RuleEdit edit, Via via, List<RuleNotification> notifications) {
        Optional<Ticket> locked = repository.lock(ticketId).filter(t -> !t.deleted());
        if (locked.isEmpty() || "closed".equals(locked.get().status())) {
            return Optional.empty();
        }
        Ticket current = locked.get();
        Instant now = now();
        Ticket edited = current.withRuleEdit(edit, now, nextGeneratedTimestamp(now, current));
        if (RuleEdit.of(edited).equals(RuleEdit.of(current)) && notifications.isEmpty()) {
            return Optional.empty();
        }
        repository.update(edited);
        long auditId = repository.insertAudit(ticketId, SYSTEM_AUTHOR, ViaChannel.RULE.wireName(), now);
        List<AuditEvent> events = new ArrayList<>();
        ruleChanges(current, edited, field -> via, auditId, events);
        notifications.forEach(n -> events.add(notification(n, auditId, events)));
        Ticket saved = repository.findById(ticketId).orElseThrow();
        saved = runRules(current, saved, null, ViaChannel.RULE.wireName(), null, auditId, events);
        if (!current.tags().equals(saved.tags())) {
            index.replace(SEARCH_TYPE, ticketId, searchText(saved, repository.commentBodies(ticketId)));
        }
        repository.updateAuditEvents(auditId, events);
        publisher.publishEvent(
                new TicketChanged(TicketChanged.Kind.UPDATED, saved, current, TicketCodec.maps(events), null, now));
        return Optional.of(saved);
    }

    /**
     * Runs the triggers ({@link TicketRules}) on a saved write and applies what they set in the same
     * audit: the row, one {@code Change} event per field they changed (with the rule's via), their
     * notifications. Returns the ticket as it stands afterwards.
     */
    private Ticket runRules(
            Ticket previous,
            Ticket saved,
            NewComment comment,
            String via,
            Long actorId,
            long auditId,
            List<AuditEvent> events) {
        TicketRules hook = rules.getIfAvailable();
        if (hook == null) {
            return saved;
        }
        RuleOutcome outcome = hook.afterWrite(new RuleRun(
                previous,
                saved,
                comment == null ? null : comment.isPublic() == null || comment.isPublic(),
                comment == null ? null : bodyOf(comment),
                via,
                actorId));
        Ticket current = saved;
        if (outcome.edit() != null && !outcome.edit().equals(RuleEdit.of(saved))) {
            Ticket edited = saved.withRuleEdit(outcome.edit(), saved.updatedAt(), saved.generatedTimestamp());
            repository.update(edited);
            ruleChanges(saved, edited, outcome.changedBy()::get, auditId, events);
            current = repository.findById(saved.id()).orElseThrow();
        }
        outcome.notifications().forEach(n -> events.add(notification(n, auditId, events)));
        return current;
    }

    private static void ruleChanges(
            Ticket before,
            Ticket after,
            java.util.function.Function<String, Via> viaOf,
            long auditId,
            List<AuditEvent> events) {
        for (String field : RULE_FIELDS) {
            Object was = fieldValue(before, field);
            Object now = fieldValue(after, field);
            if (!Objects.equals(was, now)) {
                events.add(new AuditEvent.Change(
                        eventId(auditId, events),
                        "Change",
                        field,
                        TicketCodec.tree(now),
                        TicketCodec.tree(was),
                        viaOf.apply(field)));
            }
        }
    }

    private static AuditEvent notification(RuleNotification n, long auditId, List<AuditEvent> events) {
        return new AuditEvent.Notification(eventId(auditId, events), n.subject(), n.body(), n.recipients(), n.via());
    }

    /**
     * Every change moves {@code generated_timestamp} forward, by at least one second: each change is a
     * new (ticket, generated_timestamp) pair, so an export that has passed a second never misses a
     * later change made within that same second. Under bursts it may run a few seconds ahead of the
     * clock; exports only serve seconds older than their freshness window, so that is harmless.
     */
    /**
     * Shows a satisfaction rating on its ticket: the ticket's {@code satisfaction_rating} summary, and its
     * {@code updated_at}/{@code generated_timestamp} move as in Zendesk, where a rating updates the
     * ticket. Called by the satisfaction capability inside its own transaction.
     */
    @Transactional
    public Ticket recordSatisfaction(long ticketId, long ratingId, String score, String comment, Integer reasonCode) {
        Ticket current = repository
                .lock(ticketId)
                .filter(t -> !t.deleted())
                .orElseThrow(() -> TicketNotFoundException.forId(ticketId));
        Instant now = now();
        repository.updateSatisfaction(
                ticketId, ratingId, score, comment, reasonCode, now, nextGeneratedTimestamp(now, current));
        return repository.findById(ticketId).orElseThrow();
    }

    static long nextGeneratedTimestamp(Instant now, Ticket current) {
        return Math.max(now.getEpochSecond(), current.generatedTimestamp() + 1);
    }

    /**
     * Field events get ids derived from their audit (audit id × 1000 + position); comment events keep
     * their comment's id, as in Zendesk.
     */
    private static long eventId(long auditId, List<AuditEvent> eventsSoFar) {
        return auditId * 1000 + eventsSoFar.size();
    }

    @Transactional
    public void delete(DeskPrincipal caller, long id) {
        Ticket current =
                repository.lock(id).filter(t -> !t.deleted()).orElseThrow(() -> TicketNotFoundException.forId(id));
        Instant now = now();
        repository.markDeleted(id, caller.userId(), now, nextGeneratedTimestamp(now, current));
        publisher.publishEvent(new TicketChanged(
                TicketChanged.Kind.DELETED,
                repository.findById(id).orElseThrow(),
                current,
                List.of(),
                caller.userId(),
                now));
    }

    /**
     * Deletes a soft-deleted ticket for good ({@code /api/v2/deleted_tickets}): the ticket, its audits,
     * comments, tags, attachments, search terms and idempotency keys; {@link TicketPurged} lets the
     * other capabilities drop their rows. 404 for a live or unknown ticket, as Zendesk only purges
     * tickets from the deleted list.
     *
     * <p>Decision: the ticket leaves the incremental exports too. Zendesk's exports keep a soft-deleted
     * ticket with status {@code "deleted"} (desk does the same), and a consumer has seen that row once
     * the ticket was deleted; the permanent delete is the GDPR erasure ("the ticket's data is removed
     * from the account"), so no row with its data is kept to export again.
     */
    /** 404 unless {@code id} is a soft-deleted ticket (one {@link #purge} and {@link #restore} take). */
    @Transactional(readOnly = true)
    public void requireDeleted(long id) {
        repository.findById(id).filter(Ticket::deleted).orElseThrow(() -> TicketNotFoundException.forId(id));
    }

    @Transactional
    public void purge(long id) {
        repository.lock(id).filter(Ticket::deleted).orElseThrow(() -> TicketNotFoundException.forId(id));
        attachments.deleteOfTicket(id);
        idempotency.forgetTicket(id);
        index.replace(SEARCH_TYPE, id, "");
        repository.purge(id);
        publisher.publishEvent(new TicketPurged(id, now()));
    }

    @Transactional
    public Ticket restore(long id) {
        Ticket current =
                repository.lock(id).filter(Ticket::deleted).orElseThrow(() -> TicketNotFoundException.forId(id));
        Instant now = now();
        repository.restore(id, now, nextGeneratedTimestamp(now, current));
        Ticket restored = get(id);
        publisher.publishEvent(new TicketChanged(TicketChanged.Kind.RESTORED, restored, current, List.of(), null, now));
        return restored;
    }

    private TicketComment addComment(
            Ticket ticket,
            long auditId,
            NewComment comment,
            long authorId,
            Instant now,
            String via,
            List<AuditEvent> events) {
        user(authorId);
        String plain = bodyOf(comment);
        String html = comment.htmlBody() != null && !comment.htmlBody().isBlank()
                ? comment.htmlBody()
                : "<div class=\"zd-comment\" dir=\"auto\"><p>"
                        // UTF-8: only markup characters become entities; é stays é (as in Zendesk).
                        + HtmlUtils.htmlEscape(plain, "UTF-8").replace("\n", "<br>") + "</p></div>";
        boolean isPublic = comment.isPublic() == null || comment.isPublic();
        TicketComment draft =
                new TicketComment(0, ticket.id(), auditId, authorId, plain, html, plain, isPublic, via, now);
        long commentId = repository.insertComment(draft);
        attachments.attach(comment.uploads(), ticket.id(), commentId);
        events.add(new AuditEvent.Comment(commentId, authorId, plain, html, isPublic, auditId));
        return new TicketComment(commentId, ticket.id(), auditId, authorId, plain, html, plain, isPublic, via, now);
    }

    private void validate(Ticket t, DeskPrincipal caller) {
        if (t.assigneeId() != null) {
            UserAccount assignee = users.findById(t.assigneeId())
                    .orElseThrow(() -> Input.invalid("assignee_id", "there is no user " + t.assigneeId()));
            if (assignee.role() == Role.END_USER) {
                throw Input.invalid(
                        "assignee_id", "user " + t.assigneeId() + " is an end user; assignees are agents or admins");
            }
        }
        if (t.groupId() != null && !groups.exists(t.groupId())) {
            throw Input.invalid("group_id", "there is no group " + t.groupId());
        }
        if (t.organizationId() != null && organizations.find(t.organizationId()).isEmpty()) {
            throw Input.invalid("organization_id", "there is no organization " + t.organizationId());
        }
        for (Long collaborator : t.collaboratorIds()) {
            if (users.findById(collaborator).isEmpty()) {
                throw Input.invalid("collaborator_ids", "there is no user " + collaborator);
            }
        }
        if (t.subject() != null && t.subject().length() > 1000) {
            throw Input.invalid("subject", "is " + t.subject().length() + " characters; the maximum is 1000");
        }
    }

    /** What the index holds for a ticket: subject, every comment, tags, external id. */
    static String searchText(Ticket t, List<String> commentBodies) {
        return String.join(
                " ",
                Objects.toString(t.subject(), ""),
                String.join(" ", commentBodies),
                String.join(" ", t.tags()),
                Objects.toString(t.externalId(), ""));
    }

    /**
     * Creates once per {@code Idempotency-Key}: a repeat with the same body gets the first ticket
     * ({@code replayed}); a repeat with another body is refused. Concurrent repeats wait on the key's
     * row and then see the first one's outcome as a conflict.
     */
    @Transactional
    public TicketWrite createIdempotent(DeskPrincipal caller, String key, String requestHash, TicketChanges changes) {
        Optional<IdempotencyRepository.Claim> previous =
                idempotency.find(caller.userId(), key, now().minus(IDEMPOTENCY_WINDOW));
        if (previous.isPresent()) {
            if (!previous.get().requestHash().equals(requestHash)
                    || previous.get().ticketId() == null) {
                throw new IdempotencyConflictException();
            }
            return new TicketWrite(get(previous.get().ticketId()), null, true);
        }
        idempotency.claim(caller.userId(), key, requestHash, now());
        TicketWrite created = create(caller, changes);
        idempotency.complete(caller.userId(), key, created.ticket().id());
        return created;
    }

    private UserAccount resolveRequester(Requester requester) {
        if (requester.id() != null) {
            return users.findById(requester.id())
                    .orElseThrow(() -> Input.invalid("requester_id", "there is no user " + requester.id()));
        }
        if (requester.email() == null || requester.email().isBlank()) {
            throw Input.invalid("requester", "give an id or an email");
        }
        return users.findOrCreateEndUser(requester.name(), requester.email().strip());
    }

    private UserAccount user(long id) {
        return users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
    }

    private static String bodyOf(NewComment comment) {
        if (comment.body() != null && !comment.body().isBlank()) {
            return comment.body();
        }
        return comment.htmlBody() == null
                ? ""
                : HtmlUtils.htmlUnescape(comment.htmlBody()
                        .replaceAll("<[^>]*>", " ")
                        .replaceAll("\\s+", " ")
                        .strip());
    }

    private static Object fieldValue(Ticket t, String field) {
        return switch (field) {
            case "subject" -> t.subject();
            case "status" -> t.status();
            case "priority" -> t.priority();
            case "type" -> t.type();
            case "requester_id" -> t.requesterId();
            case "assignee_id" -> t.assigneeId();
            case "group_id" -> t.groupId();
            case "organization_id" -> t.organizationId();
            case "tags" -> t.tags();
            case "external_id" -> t.externalId();
            case "due_at" -> t.dueAt() == null ? null : t.dueAt().toString();
            case "custom_fields" -> t.customFields();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static List<CustomFieldValue> mergeCustomFields(
            List<CustomFieldValue> current, List<CustomFieldValue> changes) {
        Map<Long, CustomFieldValue> byId = new LinkedHashMap<>();
        current.forEach(f -> byId.put(f.id(), f));
        changes.forEach(f -> byId.put(f.id(), f));
        return List.copyOf(byId.values());
    }

    private static List<String> distinct(List<String> tags) {
        return List.copyOf(new LinkedHashSet<>(tags));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
