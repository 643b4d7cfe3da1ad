package io.deskbridge.sync.audit;

/**
 * Who made a change and from where.
 *
 * @param name the operator's or the Zendesk admin's email, or a label for visitors and sync itself
 * @param ipAddress null for sync itself
 * @param userAgent the browser's or client's User-Agent, when there was one
 */
public record Actor(ActorType type, String name, String ipAddress, String userAgent) {

    public static Actor system() {
        return new Actor(ActorType.SYSTEM, "Deskbridge sync (automatic)", null, null);
    }

    public static Actor operator(String email, String ipAddress, String userAgent) {
        return new Actor(ActorType.OPERATOR, email, ipAddress, userAgent);
    }

    public static Actor linkVisitor(String ipAddress, String userAgent) {
        return new Actor(ActorType.LINK_VISITOR, "Request link holder", ipAddress, userAgent);
    }

    /** A client that has not (yet) proved who it is: a failed sign-in. */
    public static Actor anonymous(String ipAddress, String userAgent) {
        return new Actor(ActorType.ANONYMOUS, "Unauthenticated client", ipAddress, userAgent);
    }

    /** Someone at the server's command line (a recovery command), named by the OS user. */
    public static Actor commandLine(String command) {
        return new Actor(
                ActorType.SYSTEM,
                "Command line: " + command + " (OS user " + System.getProperty("user.name") + ")",
                null,
                null);
    }

    /** The same request's origin, now named by the email the Zendesk admin gave. */
    public Actor asZendeskAdmin(String email) {
        return new Actor(ActorType.ZENDESK_ADMIN, email, ipAddress, userAgent);
    }
}
