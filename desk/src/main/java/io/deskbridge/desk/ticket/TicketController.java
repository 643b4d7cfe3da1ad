package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.CountJson;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.attachment.Attachment;
import io.deskbridge.desk.attachment.AttachmentJson;
import io.deskbridge.desk.attachment.Attachments;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.ticket.TicketChanges.People;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import io.deskbridge.desk.ticket.TicketChanges.UserChange;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/tickets}, comments, {@code show_many}, {@code /api/v2/deleted_tickets}. Lists take
 * offset or cursor pagination and {@code include=users,organizations} sideloads.
 */
@RestController
class TicketController {

    private static final Map<String, KeysetSort.Kind> SORTS = Map.of(
            "id", KeysetSort.Kind.ID,
            "created_at", KeysetSort.Kind.TIMESTAMP,
            "updated_at", KeysetSort.Kind.TIMESTAMP);
    static final int MAX_SHOW_MANY = 100;

    private final Tickets tickets;
    private final Attachments attachments;
    private final Users users;
    private final Organizations organizations;
    private final Pager pager;
    private final Clock clock;
    private final TicketReadCache readCache;

    TicketController(
            Tickets tickets,
            Attachments attachments,
            Users users,
            Organizations organizations,
            Pager pager,
            Clock clock,
            TicketReadCache readCache) {
        this.clock = clock;
        this.readCache = readCache;
        this.attachments = attachments;
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.pager = pager;
    }

    /** {@code {"ticket": …}}, plus {@code audit} after a write and sideloads when asked for. */
    record TicketResponse(
            TicketJson ticket,
            @JsonInclude(JsonInclude.Include.NON_NULL) AuditJson audit,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserJson> users,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<OrganizationJson> organizations) {}

    /** A list of tickets: rendered now, or (without sideloads) as rendered before. */
    sealed interface TicketList permits TicketsResponse, RenderedTicketsResponse {}

    /** {@code {"tickets": [...], <paging>}}, plus sideloads when asked for. */
    record TicketsResponse(
            List<TicketJson> tickets,
            @JsonUnwrapped Paging paging,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserJson> users,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<OrganizationJson> organizations)
            implements TicketList {}

    /** {@link TicketsResponse} without sideloads, its tickets written as rendered. */
    record RenderedTicketsResponse(
            List<TicketReadCache.Rendered> tickets,
            @JsonUnwrapped Paging paging) implements TicketList {}

    record CommentsResponse(
            List<CommentJson> comments, @JsonUnwrapped Paging paging) {}

    record DeletedTicketsResponse(
            List<DeletedTicketJson> deletedTickets,
            @JsonUnwrapped Paging paging) {}

    /** What {@code include=users,organizations} adds. */
    private record Sideloads(List<UserJson> users, List<OrganizationJson> organizations) {}

    /**
     * The tickets, or with {@code external_id} only those carrying it (zendesk-java-client's
     * {@code getTicketsByExternalId}; Zendesk matches the whole value).
     */
    @GetMapping("/api/v2/tickets")
    TicketList list(
            HttpServletRequest request,
            @RequestParam(required = false) String include,
            @RequestParam(name = "external_id", required = false) String externalId) {
        String base = base();
        TicketFilter filter = externalId == null
                ? TicketFilter.LIVE
                : TicketFilter.live(List.of(new TicketFilter.ExternalIdIs(externalId)));
        if (include == null) {
            // The page's ids from the database, each ticket's rendering from the read cache while
            // fresh; only the others are read whole (TicketReadCache#list, package-info "Read cache").
            Page<TicketKey> keys = listPage(request, filter, tickets::pageKeys, key -> key);
            List<Long> ids = keys.items().stream().map(TicketKey::id).toList();
            return new RenderedTicketsResponse(readCache.list(ids, base, tickets::findAll), keys.paging());
        }
        Page<Ticket> page = listPage(request, filter, tickets::page, TicketKey::of);
        List<TicketJson> items = page.map(t -> TicketJson.of(t, base)).items();
        Sideloads sideloads = sideload(items, include, base);
        return new TicketsResponse(items, page.paging(), sideloads.users(), sideloads.organizations());
    }

    @GetMapping("/api/v2/tickets/count")
    CountJson count() {
        return CountJson.of(tickets.count(TicketFilter.LIVE), clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Without sideloads the answer is the ticket row alone, served from {@link TicketReadCache} when
     * fresh (package-info, "Read cache"); with {@code include} it is rendered each time.
     */
    @GetMapping("/api/v2/tickets/{id}")
    ResponseEntity<?> show(
            @PathVariable long id, @RequestParam(required = false) String include, HttpServletResponse response)
            throws IOException {
        String base = base();
        if (include == null) {
            // The cached bytes go straight to the response: Spring's return-value handling (content
            // negotiation, header copying, converter lookup) was about 8 % of this endpoint's CPU
            // (JFR, issue 16). The API answers JSON whatever Accept says (JsonApiMediaTypes), so
            // nothing is negotiated; a null ResponseEntity tells Spring the response is written.
            byte[] body = readCache.show(id, base, tickets::get);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return null;
        }
        TicketJson ticket = TicketJson.of(tickets.get(id), base);
        Sideloads sideloads = sideload(List.of(ticket), include, base);
        return ResponseEntity.ok(new TicketResponse(ticket, null, sideloads.users(), sideloads.organizations()));
    }

    /**
     * Without sideloads each ticket is written as rendered before from an equal row, or rendered now
     * ({@link TicketReadCache#render}, as {@code GET /tickets}): as fresh as the query.
     */
    @GetMapping("/api/v2/tickets/show_many")
    TicketList showMany(@RequestParam String ids, @RequestParam(required = false) String include) {
        String base = base();
        List<Long> wanted = IdList.parse(ids, MAX_SHOW_MANY);
        TicketReadCache.Stamp stamp = readCache.stamp();
        List<Ticket> rows = tickets.findAll(wanted);
        if (include == null) {
            return new RenderedTicketsResponse(
                    readCache.render(rows, base, stamp), new Paging.Offset(null, null, rows.size()));
        }
        List<TicketJson> found = rows.stream().map(t -> TicketJson.of(t, base)).toList();
        Sideloads sideloads = sideload(found, include, base);
        return new TicketsResponse(
                found, new Paging.Offset(null, null, found.size()), sideloads.users(), sideloads.organizations());
    }

    @PostMapping("/api/v2/tickets")
    ResponseEntity<TicketResponse> create(
            @RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal DeskPrincipal caller) {
        TicketChanges changes = changes(Input.envelope(body, "ticket"));
        TicketWrite write;
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > 255) {
                throw new BadRequestException("InvalidParameter", "Idempotency-Key is longer than 255 characters");
            }
            write = tickets.createIdempotent(caller, idempotencyKey, sha256(body.toString()), changes);
        } else {
            write = tickets.create(caller, changes);
        }
        String base = base();
        TicketResponse response = new TicketResponse(
                TicketJson.of(write.ticket(), base),
                write.audit() == null ? null : AuditJson.of(write.audit()),
                null,
                null);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(
                        write.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", base + "/api/v2/tickets/" + write.ticket().id() + ".json");
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            builder.header("x-idempotency-lookup", write.replayed() ? "hit" : "miss");
        }
        return builder.body(response);
    }

    @PutMapping("/api/v2/tickets/{id}")
    TicketResponse update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "ticket");
        TicketWrite write = tickets.update(caller, id, changes(in), safeUpdateStamp(in));
        return new TicketResponse(TicketJson.of(write.ticket(), base()), AuditJson.of(write.audit()), null, null);
    }

    @DeleteMapping("/api/v2/tickets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        tickets.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/tickets/{id}/comments")
    CommentsResponse comments(
            @PathVariable long id,
            @RequestParam(name = "sort_order", required = false) String sortOrder,
            HttpServletRequest request) {
        if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            throw new BadRequestException(
                    "InvalidParameter", "sort_order must be asc or desc (got \"" + sortOrder + "\")");
        }
        tickets.get(id);
        String sort = request.getParameter("sort");
        HttpServletRequest effective = "desc".equals(sortOrder) && sort == null ? withSort(request, "-id") : request;
        Page<TicketComment> page = pager.page(
                "comments",
                effective,
                Map.of("id", KeysetSort.Kind.ID),
                "id",
                new Pager.Source<TicketComment>() {
                    @Override
                    public long count() {
                        return tickets.countComments(id);
                    }

                    @Override
                    public List<TicketComment> fetch(PageQuery query) {
                        return tickets.comments(id, query);
                    }
                },
                TicketComment::id,
                (c, column) -> c.id());
        String base = base();
        Map<Long, List<Attachment>> files = attachments.byComments(
                page.items().stream().map(TicketComment::id).toList());
        Page<CommentJson> shown = page.map(c -> CommentJson.of(
                c,
                files.getOrDefault(c.id(), List.of()).stream()
                        .map(a -> AttachmentJson.of(a, base))
                        .toList()));
        return new CommentsResponse(shown.items(), shown.paging());
    }

    @GetMapping("/api/v2/deleted_tickets")
    DeletedTicketsResponse deleted(HttpServletRequest request) {
        Map<Long, String> names = new HashMap<>();
        Page<DeletedTicketJson> page = pager.page(
                        "deleted_tickets",
                        request,
                        Map.of("id", KeysetSort.Kind.ID, "deleted_at", KeysetSort.Kind.TIMESTAMP),
                        "id",
                        source(TicketFilter.DELETED, tickets::page),
                        Ticket::id,
                        (t, column) -> t.deletedAt())
                .map(t -> DeletedTicketJson.of(
                        t,
                        t.deletedBy() == null
                                ? null
                                : names.computeIfAbsent(
                                        t.deletedBy(),
                                        by -> users.findById(by)
                                                .map(UserAccount::name)
                                                .orElse(null))));
        return new DeletedTicketsResponse(page.items(), page.paging());
    }

    /** Zendesk answers a restore with an empty object. */
    @PutMapping("/api/v2/deleted_tickets/{id}/restore")
    ObjectNode restore(@PathVariable long id) {
        tickets.restore(id);
        return JsonNodeFactory.instance.objectNode();
    }

    /** A page of {@code GET /tickets}, of whole rows or of keys; {@code keyOf} gives a row's id and sort values. */
    private <T> Page<T> listPage(
            HttpServletRequest request,
            TicketFilter filter,
            BiFunction<TicketFilter, PageQuery, List<T>> fetch,
            Function<T, TicketKey> keyOf) {
        return pager.page(
                "tickets",
                request,
                SORTS,
                "id",
                source(filter, fetch),
                row -> keyOf.apply(row).id(),
                (row, column) -> column.equals("created_at")
                        ? keyOf.apply(row).createdAt()
                        : keyOf.apply(row).updatedAt());
    }

    /** The filter's tickets, as whole rows ({@code tickets::page}) or as keys ({@code tickets::pageKeys}). */
    private <T> Pager.Source<T> source(TicketFilter filter, BiFunction<TicketFilter, PageQuery, List<T>> fetch) {
        return new Pager.Source<>() {
            @Override
            public long count() {
                return tickets.count(filter);
            }

            @Override
            public List<T> fetch(PageQuery query) {
                return fetch.apply(filter, query);
            }
        };
    }

    /** The {@code users} and {@code organizations} of the shown tickets, when {@code include} asks. */
    private Sideloads sideload(List<TicketJson> shown, String include, String base) {
        if (include == null || include.isBlank()) {
            return new Sideloads(null, null);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : include.split(",")) {
            wanted.add(part.trim().toLowerCase(Locale.ROOT));
        }
        List<UserJson> userList = null;
        if (wanted.contains("users")) {
            Set<Long> ids = new LinkedHashSet<>();
            for (TicketJson t : shown) {
                ids.add(t.requesterId());
                ids.add(t.submitterId());
                if (t.assigneeId() != null) {
                    ids.add(t.assigneeId());
                }
            }
            userList =
                    users.findAll(ids).stream().map(u -> UserJson.of(u, base)).toList();
        }
        List<OrganizationJson> organizationList = null;
        if (wanted.contains("organizations")) {
            Set<Long> ids = new LinkedHashSet<>();
            for (TicketJson t : shown) {
                if (t.organizationId() != null) {
                    ids.add(t.organizationId());
                }
            }
            organizationList = organizations.findAll(ids).stream()
                    .map(o -> OrganizationJson.of(o, base))
                    .toList();
        }
        return new Sideloads(userList, organizationList);
    }

    static TicketChanges changes(Input in) {
        Optional<Requester> requester = Optional.empty();
        if (in.present("requester")) {
            JsonNode node = in.raw("requester");
            if (node.isObject()) {
                Input r = Input.of(node);
                requester = Optional.of(new Requester(
                        null,
                        r.string("email", 320).orElse(null),
                        r.string("name", 255).orElse(null)));
            } else if (node.isString() && node.stringValue().contains("@")) {
                requester = Optional.of(new Requester(null, node.stringValue(), null));
            } else {
                requester = in.id("requester").map(id -> new Requester(id, null, null));
            }
        } else if (in.present("requester_id")) {
            requester = in.id("requester_id").map(id -> new Requester(id, null, null));
        }
        Optional<NewComment> comment = in.child("comment")
                .map(c -> new NewComment(
                        c.string("body", 65_000).orElse(null),
                        c.string("html_body", 65_000).orElse(null),
                        c.bool("public").orElse(null),
                        c.id("author_id").orElse(null),
                        uploads(c)));
        return new TicketChanges(
                in.string("subject", 1000),
                field(in, "type", () -> in.oneOf("type", TicketEnums.TYPES)),
                field(in, "priority", () -> in.oneOf("priority", TicketEnums.PRIORITIES)),
                in.oneOf("status", TicketEnums.STATUSES),
                field(in, "external_id", () -> in.string("external_id", 255)),
                in.string("recipient", 320),
                requester,
                in.id("submitter_id"),
                field(in, "assignee_id", () -> in.id("assignee_id")),
                field(in, "organization_id", () -> in.id("organization_id")),
                field(in, "group_id", () -> in.id("group_id")),
                in.ids("collaborator_ids"),
                in.tags("tags"),
                in.tags("additional_tags"),
                in.tags("remove_tags"),
                customFields(in),
                field(in, "due_at", () -> in.instant("due_at")),
                comment,
                people(in));
    }

    /**
     * The write fields beyond the core ones. {@code custom_status_id} is refused: desk has no custom
     * ticket statuses (a 422 rather than a silently ignored status).
     */
    private static People people(Input in) {
        if (in.present("custom_status_id")) {
            throw Input.invalid(
                    "custom_status_id", "custom ticket statuses are not enabled on this desk; set status instead");
        }
        return new People(
                field(in, "brand_id", () -> in.id("brand_id")),
                field(in, "ticket_form_id", () -> in.id("ticket_form_id")),
                field(in, "problem_id", () -> in.id("problem_id")),
                in.string("assignee_email", 320),
                userChanges(in, "email_ccs"),
                userChanges(in, "followers"),
                collaborators(in));
    }

    /** {@code [{"user_id"|"user_email", "user_name", "action": "put"|"delete"}]}; put when no action. */
    private static Optional<List<UserChange>> userChanges(Input in, String name) {
        JsonNode node = in.raw(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw Input.invalid(name, "must be a list of {user_id or user_email, action}");
        }
        List<UserChange> changes = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw Input.invalid(name, "must be a list of {user_id or user_email, action}");
            }
            Input entry = Input.of(item);
            String action = entry.string("action", 16).orElse("put");
            if (!action.equals("put") && !action.equals("delete")) {
                throw Input.invalid(name, "action must be put or delete (got \"" + action + "\")");
            }
            changes.add(new UserChange(
                    entry.id("user_id").orElse(null),
                    entry.string("user_email", 320).orElse(null),
                    entry.string("user_name", 255).orElse(null),
                    action.equals("delete")));
        }
        return Optional.of(changes);
    }

    /** {@code collaborators}: user ids, emails, or {@code {"name", "email"}}. */
    private static Optional<List<Requester>> collaborators(Input in) {
        JsonNode node = in.raw("collaborators");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw Input.invalid("collaborators", "must be a list of user ids, emails or {name, email}");
        }
        List<Requester> collaborators = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isIntegralNumber() && item.canConvertToLong() && item.longValue() > 0) {
                collaborators.add(new Requester(item.longValue(), null, null));
            } else if (item.isString() && item.stringValue().contains("@")) {
                collaborators.add(new Requester(null, item.stringValue(), null));
            } else if (item.isObject()) {
                Input c = Input.of(item);
                collaborators.add(new Requester(
                        null,
                        c.string("email", 320)
                                .orElseThrow(() -> Input.invalid("collaborators", "an entry has no email")),
                        c.string("name", 255).orElse(null)));
            } else {
                throw Input.invalid("collaborators", "must be a list of user ids, emails or {name, email}");
            }
        }
        return Optional.of(collaborators);
    }

    /**
     * {@code safe_update: true} with {@code updated_stamp} (the {@code updated_at} the caller read):
     * the stamp the update must still match. Without {@code safe_update}, the stamp is ignored, as in
     * Zendesk; {@code safe_update} without a stamp is refused (it could protect nothing).
     */
    static Optional<Instant> safeUpdateStamp(Input in) {
        if (!in.bool("safe_update").orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(in.instant("updated_stamp")
                .orElseThrow(() -> Input.invalid("updated_stamp", "is required with safe_update")));
    }

    private static <T> Field<T> field(Input in, String name, java.util.function.Supplier<Optional<T>> read) {
        if (!in.has(name)) {
            return Field.absent();
        }
        return Field.of(read.get().orElse(null));
    }

    /** {@code comment.uploads}: the upload tokens, a list of strings. */
    private static List<String> uploads(Input comment) {
        JsonNode node = comment.raw("uploads");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Input.invalid("uploads", "must be a list of upload tokens");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()
                    || item.stringValue().isBlank()
                    || item.stringValue().length() > 64) {
                throw Input.invalid("uploads", "must be a list of upload tokens");
            }
            tokens.add(item.stringValue().strip());
        }
        return tokens;
    }

    /** {@code custom_fields}, and Zendesk's alias {@code fields} (both may be sent; later ids win). */
    private static Optional<List<CustomFieldValue>> customFields(Input in) {
        Optional<List<CustomFieldValue>> custom = customFields(in, "custom_fields");
        Optional<List<CustomFieldValue>> alias = customFields(in, "fields");
        if (alias.isEmpty()) {
            return custom;
        }
        List<CustomFieldValue> all = new ArrayList<>(custom.orElse(List.of()));
        all.addAll(alias.get());
        return Optional.of(all);
    }

    private static Optional<List<CustomFieldValue>> customFields(Input in, String name) {
        JsonNode node = in.raw(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw Input.invalid(name, "must be a list of {id, value}");
        }
        List<CustomFieldValue> fields = new ArrayList<>();
        for (JsonNode item : node) {
            Input field = Input.of(item);
            if (!item.isObject() || field.id("id").isEmpty()) {
                throw Input.invalid(name, "every entry needs an id");
            }
            JsonNode value = item.get("value");
            if (value != null && value.isObject()) {
                throw Input.invalid(name, "a value must be a string, number, boolean or list");
            }
            fields.add(new CustomFieldValue(
                    field.id("id").get(), value == null || value.isNull() ? null : value.deepCopy()));
        }
        return Optional.of(fields);
    }

    private static HttpServletRequest withSort(HttpServletRequest request, String sort) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return "sort".equals(name) ? sort : super.getParameter(name);
            }
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
