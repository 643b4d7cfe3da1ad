package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
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
    private final Users users;
    private final Organizations organizations;
    private final Pager pager;

    TicketController(Tickets tickets, Users users, Organizations organizations, Pager pager) {
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.pager = pager;
    }

    @GetMapping("/api/v2/tickets")
    Map<String, Object> list(HttpServletRequest request, @RequestParam(required = false) String include) {
        String base = base();
        Map<String, Object> body = pager.list(
                "tickets",
                request,
                SORTS,
                "id",
                source("t.deleted_at IS NULL"),
                t -> TicketJson.ticket(t, base),
                Ticket::id,
                (t, column) -> column.equals("created_at") ? t.createdAt() : t.updatedAt());
        return sideload(body, include, base);
    }

    @GetMapping("/api/v2/tickets/{id}")
    Map<String, Object> show(@PathVariable long id, @RequestParam(required = false) String include) {
        String base = base();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", TicketJson.ticket(tickets.get(id), base));
        return sideload(body, include, base);
    }

    @GetMapping("/api/v2/tickets/show_many")
    Map<String, Object> showMany(@RequestParam String ids, @RequestParam(required = false) String include) {
        String base = base();
        List<Map<String, Object>> found = tickets.findAll(IdList.parse(ids, MAX_SHOW_MANY)).stream()
                .map(t -> TicketJson.ticket(t, base))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tickets", found);
        body.put("next_page", null);
        body.put("previous_page", null);
        body.put("count", found.size());
        return sideload(body, include, base);
    }

    @PostMapping("/api/v2/tickets")
    ResponseEntity<Map<String, Object>> create(
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
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ticket", TicketJson.ticket(write.ticket(), base));
        if (write.audit() != null) {
            response.put("audit", TicketJson.audit(write.audit()));
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(
                        write.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", base + "/api/v2/tickets/" + write.ticket().id() + ".json");
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            builder.header("x-idempotency-lookup", write.replayed() ? "hit" : "miss");
        }
        return builder.body(response);
    }

    @PutMapping("/api/v2/tickets/{id}")
    Map<String, Object> update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        TicketWrite write = tickets.update(caller, id, changes(Input.envelope(body, "ticket")));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ticket", TicketJson.ticket(write.ticket(), base()));
        response.put("audit", TicketJson.audit(write.audit()));
        return response;
    }

    @DeleteMapping("/api/v2/tickets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        tickets.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/tickets/{id}/comments")
    Map<String, Object> comments(
            @PathVariable long id,
            @RequestParam(name = "sort_order", required = false) String sortOrder,
            HttpServletRequest request) {
        if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            throw new BadRequestException(
                    "InvalidParameter", "sort_order must be asc or desc (got \"" + sortOrder + "\")");
        }
        tickets.get(id);
        String sort = request.getParameter("sort");
        Map<String, KeysetSort.Kind> sorts = Map.of("id", KeysetSort.Kind.ID);
        HttpServletRequest effective = "desc".equals(sortOrder) && sort == null ? withSort(request, "-id") : request;
        return pager.list(
                "comments",
                effective,
                sorts,
                "id",
                new Pager.ListSource<TicketComment>() {
                    @Override
                    public long count() {
                        return tickets.countComments(id);
                    }

                    @Override
                    public List<TicketComment> page(
                            String extraWhere, Map<String, Object> params, String orderBy, int offset, int limit) {
                        return tickets.comments(id, extraWhere, params, orderBy, offset, limit);
                    }
                },
                TicketJson::comment,
                TicketComment::id,
                (c, column) -> c.id());
    }

    @GetMapping("/api/v2/deleted_tickets")
    Map<String, Object> deleted(HttpServletRequest request) {
        Map<Long, String> names = new java.util.HashMap<>();
        return pager.list(
                "deleted_tickets",
                request,
                Map.of("id", KeysetSort.Kind.ID, "deleted_at", KeysetSort.Kind.TIMESTAMP),
                "id",
                source("t.deleted_at IS NOT NULL"),
                t -> TicketJson.deleted(
                        t,
                        t.deletedBy() == null
                                ? null
                                : names.computeIfAbsent(
                                        t.deletedBy(),
                                        by -> users.findById(by)
                                                .map(UserAccount::name)
                                                .orElse(null))),
                Ticket::id,
                (t, column) -> t.deletedAt());
    }

    @PutMapping("/api/v2/deleted_tickets/{id}/restore")
    Map<String, Object> restore(@PathVariable long id) {
        tickets.restore(id);
        return Map.of();
    }

    private Pager.ListSource<Ticket> source(String filter) {
        return new Pager.ListSource<>() {
            @Override
            public long count() {
                return tickets.count(filter, Map.of());
            }

            @Override
            public List<Ticket> page(
                    String extraWhere, Map<String, Object> params, String orderBy, int offset, int limit) {
                return tickets.page(filter + extraWhere, params, orderBy, offset, limit);
            }
        };
    }

    /** Adds {@code users} and {@code organizations} arrays for the tickets in the body. */
    private Map<String, Object> sideload(Map<String, Object> body, String include, String base) {
        if (include == null || include.isBlank()) {
            return body;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : include.split(",")) {
            wanted.add(part.trim().toLowerCase(Locale.ROOT));
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        Object one = body.get("ticket");
        Object many = body.get("tickets");
        if (one instanceof Map<?, ?> m) {
            shown.add(castMap(m));
        }
        if (many instanceof List<?> list) {
            list.forEach(item -> shown.add(castMap((Map<?, ?>) item)));
        }
        Map<String, Object> result = new LinkedHashMap<>(body);
        if (wanted.contains("users")) {
            Set<Long> ids = new LinkedHashSet<>();
            for (Map<String, Object> t : shown) {
                for (String key : List.of("requester_id", "submitter_id", "assignee_id")) {
                    if (t.get(key) instanceof Long id) {
                        ids.add(id);
                    }
                }
            }
            result.put(
                    "users",
                    users.findAll(ids).stream().map(u -> UserJson.of(u, base)).toList());
        }
        if (wanted.contains("organizations")) {
            Set<Long> ids = new LinkedHashSet<>();
            for (Map<String, Object> t : shown) {
                if (t.get("organization_id") instanceof Long id) {
                    ids.add(id);
                }
            }
            result.put(
                    "organizations",
                    organizations.findAll(ids).stream()
                            .map(o -> OrganizationJson.of(o, base))
                            .toList());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
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
                        c.id("author_id").orElse(null)));
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
                comment);
    }

    private static <T> Field<T> field(Input in, String name, java.util.function.Supplier<Optional<T>> read) {
        if (!in.has(name)) {
            return Field.absent();
        }
        return Field.of(read.get().orElse(null));
    }

    private static Optional<List<Map<String, Object>>> customFields(Input in) {
        JsonNode node = in.raw("custom_fields");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw Input.invalid("custom_fields", "must be a list of {id, value}");
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        for (JsonNode item : node) {
            Input field = Input.of(item);
            if (!item.isObject() || field.id("id").isEmpty()) {
                throw Input.invalid("custom_fields", "every entry needs an id");
            }
            JsonNode value = item.get("value");
            if (value != null && value.isObject()) {
                throw Input.invalid("custom_fields", "a value must be a string, number, boolean or list");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", field.id("id").get());
            entry.put("value", value == null || value.isNull() ? null : value.isArray() ? list(value) : scalar(value));
            fields.add(entry);
        }
        return Optional.of(fields);
    }

    private static List<Object> list(JsonNode array) {
        List<Object> values = new ArrayList<>();
        array.forEach(v -> values.add(scalar(v)));
        return values;
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asString();
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
