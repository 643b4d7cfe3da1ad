package io.deskbridge.sync.context;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.context.ContextRepository.CommentRow;
import io.deskbridge.sync.context.ContextRepository.RelatedBy;
import io.deskbridge.sync.context.ContextRepository.SearchRow;
import io.deskbridge.sync.context.ContextRepository.StreamState;
import io.deskbridge.sync.context.ContextRepository.TicketRow;
import io.deskbridge.sync.context.TicketContext.Comment;
import io.deskbridge.sync.context.TicketContext.CommentThread;
import io.deskbridge.sync.context.TicketContext.FieldChanges;
import io.deskbridge.sync.context.TicketContext.Freshness;
import io.deskbridge.sync.context.TicketContext.Group;
import io.deskbridge.sync.context.TicketContext.Organization;
import io.deskbridge.sync.context.TicketContext.Person;
import io.deskbridge.sync.context.TicketContext.RelatedTickets;
import io.deskbridge.sync.context.TicketContext.StreamFreshness;
import io.deskbridge.sync.context.TicketContext.Ticket;
import io.deskbridge.sync.context.TicketContext.TicketLine;
import io.deskbridge.sync.context.TicketContext.Visibility;
import io.deskbridge.sync.context.TicketSearchResults.Hit;
import io.deskbridge.sync.engine.StreamName;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Ticket context and full-text search, served from sync's store alone: no request to Zendesk, so no
 * rate-limit cost, and as fresh as the last sync (the document says how fresh).
 */
@Service
public class TicketContexts {

    /** Other tickets shown per requester or organization in a context document. */
    public static final int RELATED_SHOWN = 20;

    public static final int SEARCH_DEFAULT_LIMIT = 20;
    public static final int SEARCH_MAX_LIMIT = 100;
    public static final int HISTORY_DEFAULT_LIMIT = 50;
    public static final int HISTORY_MAX_LIMIT = 200;
    private static final int MAX_TERMS = 10;

    static final String GROUPS_NOT_SYNCED =
            "Groups are not synced yet: the group is known by its id only, without its name.";
    static final String FIELDS_NOT_SYNCED = "Ticket fields are not synced yet: custom fields are shown as stored,"
            + " by field id, without their titles.";
    static final String CHANGES_NOT_AVAILABLE = "Not derivable from the store yet: sync keeps each ticket's latest"
            + " version only, and the ticket events stream stores comments, not field changes.";

    private final ContextRepository repository;
    private final Connections connections;
    private final JsonMapper json = JsonMapper.builder().build();

    TicketContexts(ContextRepository repository, Connections connections) {
        this.repository = repository;
        this.connections = connections;
    }

    /** The ticket's context document; 404 for an unknown connection or a ticket sync has not stored. */
    @Transactional(readOnly = true)
    public TicketContext context(long connectionId, long ticketId) {
        connections.get(connectionId);
        TicketRow row = repository
                .ticket(connectionId, ticketId)
                .orElseThrow(() -> SyncedTicketNotFoundException.forId(connectionId, ticketId));
        JsonNode record = json.readTree(row.json());
        Ticket ticket = ticket(record);
        List<Comment> comments = repository.comments(connectionId, ticketId).stream()
                .map(this::comment)
                .toList();
        Person requester = ticket.requesterId() == null ? null : person(connectionId, ticket.requesterId());
        Person assignee = ticket.assigneeId() == null ? null : person(connectionId, ticket.assigneeId());
        Organization organization =
                ticket.organizationId() == null ? null : organization(connectionId, ticket.organizationId());
        Group group = ticket.groupId() == null ? null : new Group(ticket.groupId(), false, null, GROUPS_NOT_SYNCED);
        RelatedTickets requesterTickets = ticket.requesterId() == null
                ? null
                : related(connectionId, RelatedBy.REQUESTER, ticket.requesterId(), ticketId, RELATED_SHOWN);
        RelatedTickets organizationTickets = ticket.organizationId() == null
                ? null
                : related(connectionId, RelatedBy.ORGANIZATION, ticket.organizationId(), ticketId, RELATED_SHOWN);
        return new TicketContext(
                connectionId,
                ticket,
                new CommentThread(comments.size(), comments),
                requester,
                organization,
                assignee,
                group,
                requesterTickets,
                organizationTickets,
                new FieldChanges(false, CHANGES_NOT_AVAILABLE),
                new Freshness(row.syncedAt(), freshness(connectionId)),
                List.of(GROUPS_NOT_SYNCED, FIELDS_NOT_SYNCED));
    }

    /** A user and their tickets, open first; 404 for an unknown connection or user. */
    @Transactional(readOnly = true)
    public RequesterHistory requesterHistory(long connectionId, long userId, Integer limit) {
        connections.get(connectionId);
        int shown = limit(limit, HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT);
        Person requester = person(connectionId, userId);
        RelatedTickets tickets = related(connectionId, RelatedBy.REQUESTER, userId, -1, shown);
        if (!requester.synced() && tickets.total() == 0) {
            throw SyncedUserNotFoundException.forId(connectionId, userId);
        }
        Long organizationId = repository.organizationOf(connectionId, userId).orElse(null);
        return new RequesterHistory(
                connectionId,
                requester,
                organizationId == null ? null : organization(connectionId, organizationId),
                tickets);
    }

    /**
     * Tickets whose subject, description or comments contain every word of {@code query}, best first
     * (see {@link ContextRepository#search} for the ranking on each database).
     */
    @Transactional(readOnly = true)
    public TicketSearchResults search(long connectionId, String query, Integer limit) {
        connections.get(connectionId);
        int max = limit(limit, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
        List<String> terms = terms(query);
        List<Hit> hits = new ArrayList<>();
        for (SearchRow row : repository.search(connectionId, query.strip(), terms, max)) {
            hits.add(hit(connectionId, row, terms));
        }
        return new TicketSearchResults(connectionId, query.strip(), hits.size(), hits);
    }

    /** The words of a query: letters and digits, lower case. */
    static List<String> terms(String query) {
        if (query == null || query.isBlank()) {
            throw new RecordInvalidException(
                    "query", "BlankValue", "Query: send the words to search for, e.g. ?query=refund");
        }
        List<String> terms = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        if (terms.isEmpty()) {
            throw new RecordInvalidException(
                    "query", "InvalidValue", "Query: \"" + query.strip() + "\" has no letters or digits to search for");
        }
        if (terms.size() > MAX_TERMS) {
            throw new RecordInvalidException(
                    "query", "InvalidValue", "Query: at most " + MAX_TERMS + " words; it has " + terms.size());
        }
        return terms;
    }

    private Hit hit(long connectionId, SearchRow row, List<String> terms) {
        for (String term : terms) {
            if (contains(row.subject(), term)) {
                return new Hit(row.ticketId(), row.subject(), row.status(), row.score(), "subject", row.subject());
            }
        }
        for (String term : terms) {
            if (contains(row.description(), term)) {
                return new Hit(
                        row.ticketId(),
                        row.subject(),
                        row.status(),
                        row.score(),
                        "description",
                        snippet(row.description(), term));
            }
        }
        for (String term : terms) {
            Optional<String> comment = repository.firstCommentContaining(connectionId, row.ticketId(), term);
            if (comment.isPresent()) {
                return new Hit(
                        row.ticketId(),
                        row.subject(),
                        row.status(),
                        row.score(),
                        "comment",
                        snippet(comment.get(), term));
            }
        }
        return new Hit(row.ticketId(), row.subject(), row.status(), row.score(), "ticket", row.subject());
    }

    private static boolean contains(String text, String term) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(term);
    }

    /** About 200 characters of {@code text} around the first occurrence of {@code term}, on one line. */
    static String snippet(String text, String term) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.length() == text.length() ? Math.max(0, lower.indexOf(term)) : 0;
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + term.length() + 140);
        String cut = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + cut + (to < text.length() ? "…" : "");
    }

    private static int limit(Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw new RecordInvalidException(
                    "limit", "InvalidValue", "Limit must be a whole number from 1 to " + max + "; it is " + limit);
        }
        return limit;
    }

    private RelatedTickets related(long connectionId, RelatedBy by, long value, long exceptId, int shown) {
        List<TicketLine> lines = repository.related(connectionId, by, value, exceptId, shown);
        long total = lines.size() < shown ? lines.size() : repository.countRelated(connectionId, by, value, exceptId);
        return new RelatedTickets(total, lines.size(), lines);
    }

    private Person person(long connectionId, long userId) {
        return repository
                .user(connectionId, userId)
                .map(u -> new Person(u.id(), true, u.name(), u.email(), u.role()))
                .orElse(new Person(userId, false, null, null, null));
    }

    private Organization organization(long connectionId, long organizationId) {
        return repository
                .organization(connectionId, organizationId)
                .map(o -> new Organization(o.id(), true, o.name()))
                .orElse(new Organization(organizationId, false, null));
    }

    private List<StreamFreshness> freshness(long connectionId) {
        Map<String, StreamState> states = repository.streamStates(connectionId);
        List<StreamFreshness> streams = new ArrayList<>();
        for (StreamName stream : StreamName.values()) {
            StreamState state = states.get(stream.name());
            streams.add(new StreamFreshness(
                    stream.wireName(),
                    state == null || state.cursorTime() == null ? null : Instant.ofEpochSecond(state.cursorTime()),
                    state == null ? null : state.lastSucceededAt()));
        }
        return streams;
    }

    private Ticket ticket(JsonNode t) {
        List<String> tags = new ArrayList<>();
        JsonNode tagNodes = t.get("tags");
        if (tagNodes != null && tagNodes.isArray()) {
            tagNodes.forEach(tag -> tags.add(tag.asString()));
        }
        JsonNode customFields = t.get("custom_fields");
        return new Ticket(
                t.path("id").asLong(),
                text(t, "subject"),
                text(t, "status"),
                text(t, "priority"),
                text(t, "type"),
                text(t.path("via"), "channel"),
                tags,
                id(t, "requester_id"),
                id(t, "assignee_id"),
                id(t, "group_id"),
                id(t, "organization_id"),
                time(text(t, "created_at")),
                time(text(t, "updated_at")),
                "deleted".equals(text(t, "status")),
                customFields == null || customFields.isNull() ? JsonNodeFactory.instance.arrayNode() : customFields);
    }

    /**
     * Reads only {@code body}, {@code plain_body} and {@code public} from the stored comment, streaming:
     * building each comment's whole tree (its {@code html_body} doubles it) was half the time of a
     * 500-comment ticket's context (JFR, bench/sync/context.sh). Same values as {@link #text}.
     */
    private Comment comment(CommentRow row) {
        String body = null;
        String plainBody = null;
        Boolean publicFlag = null;
        try (JsonParser p = json.createParser(row.json())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                String field;
                while ((field = p.nextName()) != null) {
                    JsonToken token = p.nextToken();
                    switch (field) {
                        case "body" -> body = scalarText(p, token);
                        case "plain_body" -> plainBody = scalarText(p, token);
                        case "public" -> {
                            publicFlag = token == JsonToken.VALUE_TRUE
                                    ? Boolean.TRUE
                                    : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                            p.skipChildren();
                        }
                        default -> p.skipChildren();
                    }
                }
            }
        }
        boolean isPublic = row.isPublic() != null ? row.isPublic() : publicFlag == null || publicFlag;
        return new Comment(
                row.id(),
                isPublic ? Visibility.PUBLIC : Visibility.INTERNAL,
                row.authorId(),
                row.authorName(),
                row.createdAt(),
                body != null ? body : plainBody);
    }

    /** The value at the parser as {@link #text} reads it from a tree: null for JSON null, else its text. */
    private String scalarText(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        JsonNode value = json.readTree(p);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static Long id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private static Instant time(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
