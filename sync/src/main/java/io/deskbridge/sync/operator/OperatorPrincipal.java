package io.deskbridge.sync.operator;

import io.deskbridge.sync.audit.Actor;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

/**
 * The signed-in operator of a request, whether by web session or HTTP Basic.
 *
 * @param passwordStamp a digest of the password hash the operator signed in with: a web session whose
 *     stamp no longer matches the stored hash (the password was changed elsewhere or reset with {@code
 *     reset-operator-password}) is ended at its next request ({@link OperatorSessionCheck}); null for a
 *     principal that never signed in (the bootstrap's)
 */
public record OperatorPrincipal(long id, String email, String passwordStamp) implements Principal, Serializable {

    static final String AUTHORITY = "ROLE_OPERATOR";

    OperatorPrincipal(long id, String email) {
        this(id, email, null);
    }

    /** The stamp of a stored password hash (SHA-256, so the session holds no usable part of it). */
    static String stampOf(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String getName() {
        return email;
    }

    /** This operator as the actor of an audited change. */
    public Actor asActor(String ipAddress, String userAgent) {
        return Actor.operator(email, ipAddress, userAgent);
    }

    @Override
    public String toString() {
        return "OperatorPrincipal[id=" + id + ", email=" + email + "]";
    }
}
