package io.deskbridge.desk.user;

import io.deskbridge.desk.audit.Actor;
import java.io.Serializable;
import java.security.Principal;

/**
 * The authenticated user of a request, whatever the way in.
 *
 * @param via how the request authenticated
 * @param apiTokenId the token used, or null when no token was
 * @param sessionGeneration the user's session generation when it authenticated (see {@code
 *     SessionCheck}: a session ends when the user's moved on)
 */
public record DeskPrincipal(
        long userId, String email, String name, Role role, Via via, Long apiTokenId, long sessionGeneration)
        implements Principal, Serializable {

    /** The ways into desk. */
    public enum Via {
        SESSION,
        PASSWORD,
        API_TOKEN,
        OAUTH_TOKEN
    }

    public static DeskPrincipal of(UserAccount user, Via via, Long apiTokenId) {
        return new DeskPrincipal(
                user.id(), user.email(), user.name(), user.role(), via, apiTokenId, user.sessionGeneration());
    }

    @Override
    public String getName() {
        return email;
    }

    /** This user as the actor of an audited change made from {@code ipAddress}. */
    public Actor asActor(String ipAddress) {
        return Actor.user(userId, name, ipAddress);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
