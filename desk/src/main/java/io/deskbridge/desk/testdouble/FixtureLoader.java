package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessUpdate;
import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.NewApiToken;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.organization.OrganizationChanges;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserChanges;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/**
 * Loads a {@link Fixture} through the same facades the API's controllers call (users, organizations,
 * tickets and their updates, tokens), so audits, exports, search and webhooks behave as after real
 * writes; each item is its own transaction, as over the API. The generator makes tickets from a fixed
 * seed, so the same count gives the same subjects, requesters and comments on every run.
 */
@Service
public class FixtureLoader {

    private static final String[] TOPICS = {
        "Refund",
        "Invoice",
        "Password reset",
        "Shipping delay",
        "Broken link",
        "Login error",
        "Upgrade",
        "Cancellation",
        "Export",
        "Integration",
        "Billing address",
        "Damaged parcel"
    };
    private static final String[] DETAILS = {
        "for order", "since yesterday", "on the mobile app", "after the update", "in the EU shop", "again"
    };
    private static final String[] STATUSES = {"new", "open", "open", "pending", "hold", "solved"};
    private static final String[] PRIORITIES = {"low", "normal", "normal", "high", "urgent"};
    private static final int GENERATED_REQUESTERS = 50;

    private final Users users;
    private final Organizations organizations;
    private final Tickets tickets;
    private final ApiTokens tokens;
    private final ApiAccessPolicy policy;
    private final Clock clock;

    FixtureLoader(
            Users users,
            Organizations organizations,
            Tickets tickets,
            ApiTokens tokens,
            ApiAccessPolicy policy,
            Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.tickets = tickets;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    public Fixture.Loaded load(Actor actor, Fixture fixture) {
        long started = clock.millis();
        if (fixture.generateTickets() != null
                && (fixture.generateTickets() < 0 || fixture.generateTickets() > 100_000)) {
            throw new RecordInvalidException(
                    "generate_tickets",
                    "InvalidValue",
                    "Generate tickets: is 0 to 100000; got " + fixture.generateTickets());
        }
        if (fixture.apiTokenAccess() != null) {
            policy.update(actor, new ApiAccessUpdate(fixture.apiTokenAccess(), null, null, null, null, null));
        }
        int orgs = 0;
        for (Fixture.Organization organization : list(fixture.organizations())) {
            organizations.create(new OrganizationChanges(
                    Optional.ofNullable(organization.name()),
                    Optional.ofNullable(organization.externalId()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.ofNullable(organization.tags()),
                    Optional.empty()));
            orgs++;
        }
        int people = 0;
        for (Fixture.User user : list(fixture.users())) {
            createUser(user);
            people++;
        }
        int issued = 0;
        // As long as the account lets tokens live: fixtures outlast a suite.
        Integer longest = policy.current().tokenMaxLifetimeDays();
        for (Fixture.Token token : list(fixture.apiTokens())) {
            UserAccount owner = person(token.email(), "api_tokens");
            TokenScope scope = token.scope() == null
                    ? TokenScope.FULL
                    : TokenScope.fromWireName(token.scope())
                            .orElseThrow(() -> new RecordInvalidException(
                                    "scope", "InvalidValue", "Scope: is full or read; got " + token.scope()));
            tokens.createWithValue(
                    actor,
                    owner.id(),
                    new NewApiToken(
                            token.description() == null ? "fixture token" : token.description(),
                            scope,
                            AuthenticatesAs.OWNER_ONLY,
                            longest == null ? null : Instant.now(clock).plus(Duration.ofDays(longest)),
                            longest == null),
                    token.value());
            issued++;
        }
        UserAccount owner = users.accountOwner().orElseThrow();
        DeskPrincipal ownerCaller = DeskPrincipal.of(owner, DeskPrincipal.Via.API_TOKEN, null);
        int made = 0;
        for (Fixture.Ticket ticket : list(fixture.tickets())) {
            createTicket(ownerCaller, ticket);
            made++;
        }
        made += generate(ownerCaller, fixture.generateTickets() == null ? 0 : fixture.generateTickets());
        return new Fixture.Loaded(orgs, people, issued, made, clock.millis() - started);
    }

    private UserAccount createUser(Fixture.User user) {
        Role role = user.role() == null
                ? Role.END_USER
                : Role.fromWireName(user.role())
                        .orElseThrow(() -> new RecordInvalidException(
                                "role", "InvalidValue", "Role: is end-user, agent or admin; got " + user.role()));
        Optional<Long> organizationId = Optional.ofNullable(user.organization())
                .map(name -> organizations
                        .findByName(name)
                        .orElseThrow(() -> new RecordInvalidException(
                                "organization",
                                "InvalidValue",
                                "Organization: no organization named '" + name + "' (list it under organizations)"))
                        .id());
        return users.create(new UserChanges(
                Optional.ofNullable(user.name()),
                Optional.ofNullable(user.email()),
                Optional.of(role),
                Optional.empty(),
                Optional.of(true),
                organizationId,
                Optional.ofNullable(user.externalId()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    }

    private void createTicket(DeskPrincipal caller, Fixture.Ticket ticket) {
        List<Fixture.Comment> comments = list(ticket.comments());
        if (comments.isEmpty()) {
            throw new RecordInvalidException(
                    "comments", "BlankValue", "Comments: a ticket needs at least one (its description)");
        }
        UserAccount requester = ticket.requester() == null ? null : person(ticket.requester(), "requester");
        Long requesterId = requester == null ? caller.userId() : requester.id();
        Long assigneeId = ticket.assignee() == null
                ? null
                : person(ticket.assignee(), "assignee").id();
        Fixture.Comment first = comments.get(0);
        TicketChanges create = new TicketChanges(
                Optional.ofNullable(ticket.subject()),
                ticket.type() == null ? Field.absent() : Field.of(ticket.type()),
                ticket.priority() == null ? Field.absent() : Field.of(ticket.priority()),
                Optional.empty(),
                ticket.externalId() == null ? Field.absent() : Field.of(ticket.externalId()),
                Optional.empty(),
                Optional.of(new Requester(requesterId, null, null)),
                Optional.empty(),
                assigneeId == null ? Field.absent() : Field.of(assigneeId),
                Field.absent(),
                Field.absent(),
                Optional.empty(),
                Optional.ofNullable(ticket.tags()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Field.absent(),
                Optional.of(comment(first, requesterId)));
        long id = tickets.create(caller, create).ticket().id();
        for (Fixture.Comment later : comments.subList(1, comments.size())) {
            tickets.update(caller, id, TicketChanges.none().withComment(comment(later, requesterId)));
        }
        if (ticket.status() != null && !"new".equals(ticket.status())) {
            tickets.update(caller, id, TicketChanges.none().withStatus(ticket.status()));
        }
    }

    private NewComment comment(Fixture.Comment comment, long defaultAuthor) {
        long author = comment.author() == null
                ? defaultAuthor
                : person(comment.author(), "author").id();
        return new NewComment(
                comment.body(), null, comment.isPublic() == null || comment.isPublic(), author, List.of());
    }

    /** {@code count} tickets from a fixed seed: requesters, subjects, statuses, one to three comments. */
    int generate(DeskPrincipal caller, int count) {
        if (count == 0) {
            return 0;
        }
        SplittableRandom random = new SplittableRandom(15);
        List<String> requesters = new ArrayList<>();
        for (int i = 1; i <= Math.min(GENERATED_REQUESTERS, count); i++) {
            String email = "customer" + i + "@example.com";
            requesters.add(users.findOrCreateEndUser("Customer " + i, email).email());
        }
        for (int i = 0; i < count; i++) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String detail = DETAILS[random.nextInt(DETAILS.length)];
            List<Fixture.Comment> comments = new ArrayList<>();
            comments.add(new Fixture.Comment(
                    "Hello, I have a problem: " + topic.toLowerCase(java.util.Locale.ROOT) + " " + detail + ". Ticket "
                            + (i + 1) + " of the generated set.",
                    null,
                    true));
            int replies = random.nextInt(3);
            for (int r = 0; r < replies; r++) {
                comments.add(
                        r % 2 == 0
                                ? new Fixture.Comment("Thanks, we are looking into it.", caller.email(), true)
                                : new Fixture.Comment("Any news on this?", null, true));
            }
            createTicket(
                    caller,
                    new Fixture.Ticket(
                            topic + " " + detail,
                            STATUSES[random.nextInt(STATUSES.length)],
                            PRIORITIES[random.nextInt(PRIORITIES.length)],
                            null,
                            requesters.get(random.nextInt(requesters.size())),
                            null,
                            null,
                            List.of(
                                    "generated",
                                    topic.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')),
                            comments));
        }
        return count;
    }

    private UserAccount person(String email, String field) {
        return users.findByEmail(email)
                .orElseThrow(() -> new RecordInvalidException(
                        field,
                        "InvalidValue",
                        Character.toUpperCase(field.charAt(0))
                                + field.substring(1).replace('_', ' ') + ": no user with email '" + email
                                + "' (list them under users)"));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
