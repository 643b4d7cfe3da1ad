package io.deskbridge.sync.operator;

import io.deskbridge.sync.audit.Actor;
import java.io.Serializable;
import java.security.Principal;

/** The signed-in operator of a request, whether by web session or HTTP Basic. */
public record OperatorPrincipal(long id, String email) implements Principal, Serializable {

    static final String AUTHORITY = "ROLE_OPERATOR";

    @Override
    public String getName() {
        return email;
    }

    /** This operator as the actor of an audited change. */
    public Actor asActor(String ipAddress, String userAgent) {
        return Actor.operator(email, ipAddress, userAgent);
    }
}
