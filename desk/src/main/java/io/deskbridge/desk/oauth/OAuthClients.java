package io.deskbridge.desk.oauth;

import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenHasher;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.oauth.OAuthClientRepository.ClientRow;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's OAuth clients: create (a confidential client's secret is shown once), edit,
 * generate a new secret, delete (which revokes every token issued to the client on every instance).
 * Secrets are stored as HMAC-SHA256 under the token pepper ({@link TokenHasher}) and compared in
 * constant time. Every change is audited.
 */
@Service
public class OAuthClients {

    static final String SOURCE_TYPE = "oauth_client";
    static final String SECRET_PREFIX = "dskc_";
    static final int MAX_REDIRECT_URIS = 10;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final OAuthClientRepository repository;
    private final TokenHasher hasher;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;

    OAuthClients(OAuthClientRepository repository, TokenHasher hasher, AuditLog audit, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
    }

    public List<OAuthClient> list() {
        return repository.findAll().stream().map(ClientRow::client).toList();
    }

    public OAuthClient get(long id) {
        return find(id).client();
    }

    public Optional<OAuthClient> findByIdentifier(String identifier) {
        return identifier == null
                ? Optional.empty()
                : repository.findByIdentifier(identifier).map(ClientRow::client);
    }

    /** Registers a client created by {@code userId} (an admin); a confidential one gets a secret. */
    @Transactional
    public IssuedClient create(Actor actor, long userId, OAuthClientRequest request) {
        OAuthClientRequest valid = validate(request);
        if (repository.identifierTaken(valid.identifier(), -1)) {
            throw OAuthClientInvalidException.duplicateIdentifier(valid.identifier());
        }
        String secret = valid.kind() == OAuthClientKind.CONFIDENTIAL ? TokenFormat.generate(SECRET_PREFIX) : null;
        long id;
        try {
            id = repository.insert(valid, secret == null ? null : hasher.hash(secret), userId, now());
        } catch (DuplicateKeyException raced) {
            throw OAuthClientInvalidException.duplicateIdentifier(valid.identifier());
        }
        OAuthClient client = get(id);
        audit.record(
                actor,
                AuditAction.CREATE,
                "oauth_client.created",
                SOURCE_TYPE,
                id,
                client.name(),
                "Created OAuth client " + client.identifier() + " ("
                        + client.kind().wireName() + ", redirect URLs: " + describe(client.redirectUris()) + ")");
        return new IssuedClient(client, secret);
    }

    @Transactional
    public OAuthClient update(Actor actor, long id, OAuthClientRequest changes) {
        OAuthClient before = find(id).client();
        OAuthClientRequest merged = new OAuthClientRequest(
                changes.name() != null ? changes.name() : before.name(),
                changes.identifier() != null ? changes.identifier() : before.identifier(),
                changes.company() != null ? changes.company() : before.company(),
                changes.description() != null ? changes.description() : before.description(),
                changes.kind() != null ? changes.kind() : before.kind(),
                changes.redirectUris() != null ? changes.redirectUris() : before.redirectUris());
        OAuthClientRequest valid = validate(merged);
        if (repository.identifierTaken(valid.identifier(), id)) {
            throw OAuthClientInvalidException.duplicateIdentifier(valid.identifier());
        }
        try {
            repository.update(id, valid, now());
        } catch (DuplicateKeyException raced) {
            throw OAuthClientInvalidException.duplicateIdentifier(valid.identifier());
        }
        if (valid.kind() == OAuthClientKind.PUBLIC && before.kind() == OAuthClientKind.CONFIDENTIAL) {
            // A public client has no secret: keeping the old one would let it act as confidential.
            repository.updateSecret(id, null, now());
        }
        OAuthClient after = get(id);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "oauth_client.updated",
                SOURCE_TYPE,
                id,
                after.name(),
                "Updated OAuth client " + after.identifier() + " ("
                        + after.kind().wireName() + ", redirect URLs: " + describe(after.redirectUris()) + ")");
        // The identifier, kind and redirect URLs decide what the token endpoint accepts.
        epoch.bump();
        return after;
    }

    /** Replaces the secret; the old one stops at once. Tokens already issued keep working. */
    @Transactional
    public IssuedClient generateSecret(Actor actor, long id) {
        OAuthClient client = find(id).client();
        if (client.kind() == OAuthClientKind.PUBLIC) {
            throw OAuthClientInvalidException.invalid(
                    "kind", "Kind: public clients have no secret; make the client confidential to give it one");
        }
        String secret = TokenFormat.generate(SECRET_PREFIX);
        repository.updateSecret(id, hasher.hash(secret), now());
        audit.record(
                actor,
                AuditAction.UPDATE,
                "oauth_client.secret_generated",
                SOURCE_TYPE,
                id,
                client.name(),
                "Generated a new secret for OAuth client " + client.identifier() + "; the old one stopped working");
        return new IssuedClient(get(id), secret);
    }

    /** Deletes the client with its codes and tokens; every instance stops those tokens within a poll. */
    @Transactional
    public void delete(Actor actor, long id) {
        OAuthClient client = find(id).client();
        repository.delete(id);
        audit.record(
                actor,
                AuditAction.DESTROY,
                "oauth_client.deleted",
                SOURCE_TYPE,
                id,
                client.name(),
                "Deleted OAuth client " + client.identifier() + " and revoked every token issued to it");
        epoch.bump();
    }

    /**
     * Client authentication at the token endpoint. A confidential client must present its secret; a
     * public client must not present one (it cannot keep one).
     *
     * @throws OAuthException {@code invalid_client}
     */
    OAuthClient authenticate(String identifier, String secret) {
        if (identifier == null || identifier.isBlank()) {
            throw OAuthException.invalidClient("client_id is missing");
        }
        ClientRow row = repository
                .findByIdentifier(identifier)
                .orElseThrow(
                        () -> OAuthException.invalidClient("No OAuth client has the identifier given as client_id"));
        boolean secretGiven = secret != null && !secret.isEmpty();
        if (row.client().kind() == OAuthClientKind.PUBLIC) {
            if (secretGiven) {
                throw OAuthException.invalidClient("This client is public and has no secret; send client_id only");
            }
            return row.client();
        }
        if (!secretGiven) {
            throw OAuthException.invalidClient("This client is confidential: client_secret is required");
        }
        if (row.secretHash() == null || !matches(secret, row.secretHash())) {
            throw OAuthException.invalidClient("client_secret is not this client's secret");
        }
        return row.client();
    }

    private boolean matches(String secret, String storedHash) {
        byte[] stored = storedHash.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : hasher.candidateHashes(secret)) {
            match |= MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), stored);
        }
        return match;
    }

    private ClientRow find(long id) {
        return repository.findById(id).orElseThrow(() -> OAuthClientNotFoundException.forId(id));
    }

    private static OAuthClientRequest validate(OAuthClientRequest r) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            throw OAuthClientInvalidException.blank("name", "Name");
        }
        if (name.length() > 255) {
            throw OAuthClientInvalidException.invalid(
                    "name", "Name: is " + name.length() + " characters; the maximum is 255");
        }
        String identifier = r.identifier() == null ? "" : r.identifier().strip();
        if (identifier.isEmpty()) {
            throw OAuthClientInvalidException.blank("identifier", "Identifier");
        }
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw OAuthClientInvalidException.invalid(
                    "identifier",
                    "Identifier: \"" + identifier + "\" must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        String company = optional(r.company(), "company", "Company", 255);
        String description = optional(r.description(), "description", "Description", 1000);
        OAuthClientKind kind = r.kind() == null ? OAuthClientKind.CONFIDENTIAL : r.kind();
        List<String> uris = r.redirectUris() == null ? List.of() : r.redirectUris();
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw OAuthClientInvalidException.invalid(
                    "redirect_uri", "Redirect URLs: " + uris.size() + " given; the maximum is " + MAX_REDIRECT_URIS);
        }
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        for (String uri : uris) {
            valid.add(validRedirect(uri));
        }
        return new OAuthClientRequest(name, identifier, company, description, kind, List.copyOf(valid));
    }

    /**
     * Decision (RFC 6749 3.1.2, RFC 8252 7.3): absolute https URLs, or http for loopback hosts only
     * (native apps and local development), no fragment; compared exactly when used.
     */
    static String validRedirect(String uri) {
        String value = uri == null ? "" : uri.strip();
        String problem = null;
        try {
            URI parsed = new URI(value);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
            if (!parsed.isAbsolute() || host.isEmpty()) {
                problem = "is not an absolute URL";
            } else if (parsed.getRawFragment() != null) {
                problem = "has a fragment (#...), which redirect URLs may not have";
            } else if (scheme.equals("http")) {
                if (!(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))) {
                    problem = "uses http; only https is allowed, or http on localhost/127.0.0.1";
                }
            } else if (!scheme.equals("https")) {
                problem = "must use https (or http on localhost/127.0.0.1)";
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URL";
        }
        if (value.length() > 2000) {
            problem = "is longer than 2000 characters";
        }
        if (problem != null) {
            throw OAuthClientInvalidException.invalid("redirect_uri", "Redirect URL: \"" + value + "\" " + problem);
        }
        return value;
    }

    private static String optional(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw OAuthClientInvalidException.invalid(
                    field, label + ": is " + stripped.length() + " characters; the maximum is " + max);
        }
        return stripped;
    }

    private static String describe(List<String> uris) {
        return uris.isEmpty() ? "none" : String.join(", ", uris);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
