package io.deskbridge.desk.testdouble;

import java.util.List;

/**
 * An account to load, in JSON ({@code POST /_desk/fixtures}); every list may be absent. People and
 * organizations are referred to by email and name, never by id, so one file loads into any desk.
 *
 * @param apiTokenAccess turns API token access on (or off) first; absent leaves it as it is
 * @param generateTickets how many realistic tickets to generate after the listed ones
 */
public record Fixture(
        Boolean apiTokenAccess,
        List<Organization> organizations,
        List<User> users,
        List<Token> apiTokens,
        List<Ticket> tickets,
        Integer generateTickets) {

    public record Organization(String name, String externalId, List<String> tags) {}

    /** {@code role}: end-user (default), agent or admin. */
    public record User(String name, String email, String role, String organization, String externalId) {}

    /** A token with a fixed value (see {@code ApiTokens.createWithValue}); {@code scope}: full or read. */
    public record Token(String email, String value, String description, String scope) {}

    /**
     * The first comment is the ticket's description, written by the requester; later comments are added
     * one update each, by their author (default the requester). {@code assignee} is an agent's email.
     */
    public record Ticket(
            String subject,
            String status,
            String priority,
            String type,
            String requester,
            String assignee,
            String externalId,
            List<String> tags,
            List<Comment> comments) {}

    public record Comment(String body, String author, Boolean isPublic) {}

    /** What a load created. */
    public record Loaded(int organizations, int users, int apiTokens, int tickets, long tookMs) {}
}
