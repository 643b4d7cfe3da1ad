package io.deskbridge.sync.context;

import io.deskbridge.sync.context.TicketContext.Comment;
import io.deskbridge.sync.context.TicketContext.Organization;
import io.deskbridge.sync.context.TicketContext.Person;
import io.deskbridge.sync.context.TicketContext.RelatedTickets;
import io.deskbridge.sync.context.TicketContext.StreamFreshness;
import io.deskbridge.sync.context.TicketContext.Ticket;
import io.deskbridge.sync.context.TicketContext.TicketLine;
import io.deskbridge.sync.context.TicketContext.Visibility;
import io.deskbridge.sync.context.TicketSearchResults.Hit;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The context documents as Markdown for tools that read text (the REST API's {@code format=markdown}
 * and the MCP tools' text content): the same content as the JSON, in fixed sections.
 */
public final class ContextMarkdown {

    private ContextMarkdown() {}

    public static String render(TicketContext context) {
        Ticket t = context.ticket();
        // Sized for the comment thread up front: growing it by doubling copied a 500-comment
        // ticket's text about a dozen times (JFR, bench/sync/context.sh).
        long text = 4096;
        for (Comment c : context.comments().items()) {
            text += 96 + (c.body() == null ? 0 : c.body().length());
        }
        StringBuilder md = new StringBuilder((int) Math.min(text, 64L * 1024 * 1024));
        md.append("# Ticket #")
                .append(t.id())
                .append(": ")
                .append(orNone(t.subject()))
                .append("\n\n");
        md.append("- Status: ").append(orNone(t.status()));
        md.append(" · Priority: ").append(orNone(t.priority()));
        md.append(" · Type: ").append(orNone(t.type()));
        md.append(" · Channel: ").append(orNone(t.channel())).append('\n');
        md.append("- Tags: ")
                .append(t.tags().isEmpty() ? "none" : String.join(", ", t.tags()))
                .append('\n');
        md.append("- Created: ").append(time(t.createdAt()));
        md.append(" · Updated: ").append(time(t.updatedAt())).append('\n');
        md.append("- Requester: ").append(person(context.requester())).append('\n');
        md.append("- Organization: ")
                .append(organization(context.organization()))
                .append('\n');
        md.append("- Assignee: ").append(person(context.assignee())).append('\n');
        md.append("- Group: ")
                .append(
                        context.group() == null
                                ? "none"
                                : "group " + context.group().id() + " (name not synced)")
                .append("\n\n");

        md.append("## Custom fields\n\n");
        JsonNode fields = t.customFields();
        if (fields == null || fields.isEmpty()) {
            md.append("None stored.\n\n");
        } else {
            md.append("| Field id | Value |\n| --- | --- |\n");
            for (JsonNode field : fields) {
                JsonNode value = field.get("value");
                md.append("| ")
                        .append(field.path("id").asString(""))
                        .append(" | ")
                        .append(
                                value == null || value.isNull()
                                        ? ""
                                        : cell(value.isString() ? value.asString() : value.toString()))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Comments (").append(context.comments().total()).append(")\n\n");
        int n = 0;
        for (Comment c : context.comments().items()) {
            n++;
            md.append("### ").append(n).append(". ");
            md.append(c.visibility() == Visibility.PUBLIC ? "Public reply" : "Internal note");
            md.append(" by ")
                    .append(author(c))
                    .append(", ")
                    .append(time(c.createdAt()))
                    .append("\n\n");
            appendStripped(md, c.body());
            md.append("\n\n");
        }

        related(md, "Requester's other tickets", context.requesterTickets());
        related(md, "Organization's other tickets", context.organizationTickets());

        md.append("## Recent field changes\n\n");
        md.append(context.recentFieldChanges().available() ? "" : "Not available. ")
                .append(context.recentFieldChanges().note())
                .append("\n\n");

        md.append("## Freshness\n\n");
        md.append("This ticket was last synced at ")
                .append(time(context.freshness().ticketSyncedAt()))
                .append(".\n\n");
        md.append("| Stream | Covered until | Last successful run |\n| --- | --- | --- |\n");
        for (StreamFreshness s : context.freshness().streams()) {
            md.append("| ")
                    .append(s.stream())
                    .append(" | ")
                    .append(time(s.coveredUntil()))
                    .append(" | ")
                    .append(time(s.lastSucceededAt()))
                    .append(" |\n");
        }
        md.append("\n## Not synced\n\n");
        context.notSynced().forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    /** {@code text.strip()} appended without the copy strip makes. */
    private static void appendStripped(StringBuilder md, String text) {
        if (text == null) {
            return;
        }
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        md.append(text, start, end);
    }

    public static String render(TicketSearchResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Search: ")
                .append(results.query())
                .append(" (")
                .append(results.count())
                .append(results.count() == 1 ? " ticket" : " tickets")
                .append(")\n\n");
        if (results.results().isEmpty()) {
            md.append("No synced ticket matches.\n");
        }
        int n = 0;
        for (Hit hit : results.results()) {
            n++;
            md.append(n)
                    .append(". #")
                    .append(hit.ticketId())
                    .append(" [")
                    .append(orNone(hit.status()))
                    .append("] ")
                    .append(orNone(hit.subject()))
                    .append(" (match in ")
                    .append(hit.matchedIn())
                    .append(", score ")
                    .append(String.format(Locale.ROOT, "%.3f", hit.score()))
                    .append(")\n   > ")
                    .append(hit.snippet() == null ? "" : hit.snippet())
                    .append('\n');
        }
        return md.toString();
    }

    public static String render(RequesterHistory history) {
        StringBuilder md = new StringBuilder();
        md.append("# Requester: ").append(person(history.requester())).append("\n\n");
        md.append("- Organization: ")
                .append(organization(history.organization()))
                .append("\n\n");
        related(md, "Tickets", history.tickets());
        return md.toString();
    }

    private static void related(StringBuilder md, String title, RelatedTickets related) {
        md.append("## ").append(title);
        if (related == null) {
            md.append("\n\nNone (not set on the ticket).\n\n");
            return;
        }
        md.append(" (showing ")
                .append(related.shown())
                .append(" of ")
                .append(related.total())
                .append(", open first)\n\n");
        for (TicketLine line : related.tickets()) {
            md.append("- #")
                    .append(line.id())
                    .append(" [")
                    .append(orNone(line.status()))
                    .append("] ")
                    .append(orNone(line.subject()))
                    .append(" (updated ")
                    .append(time(line.updatedAt()))
                    .append(")\n");
        }
        md.append('\n');
    }

    private static String person(Person p) {
        if (p == null) {
            return "none";
        }
        if (!p.synced()) {
            return "user " + p.id() + " (not among the synced users)";
        }
        return orNone(p.name()) + (p.email() == null ? "" : " <" + p.email() + ">") + " (user " + p.id()
                + (p.role() == null ? "" : ", " + p.role()) + ")";
    }

    private static String organization(Organization o) {
        if (o == null) {
            return "none";
        }
        return o.synced()
                ? orNone(o.name()) + " (organization " + o.id() + ")"
                : "organization " + o.id() + " (not among the synced organizations)";
    }

    private static String author(Comment c) {
        if (c.authorId() == null) {
            return "unknown author";
        }
        return c.authorName() == null ? "user " + c.authorId() : c.authorName() + " (user " + c.authorId() + ")";
    }

    private static String time(Instant at) {
        return at == null ? "never" : at.toString();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }

    private static String cell(String value) {
        return value.replace("|", "\\|").replace('\n', ' ');
    }
}
