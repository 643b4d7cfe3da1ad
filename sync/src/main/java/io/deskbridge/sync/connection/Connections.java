package io.deskbridge.sync.connection;

import io.deskbridge.sync.address.AddressProperties;
import io.deskbridge.sync.address.InvalidAddressException;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.address.ZendeskAddresses;
import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.api.TextInput;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.vault.CredentialBinding;
import io.deskbridge.sync.vault.SealedSecret;
import io.deskbridge.sync.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connections and their credentials. A credential is sealed by the vault for (connection id,
 * credential version); receiving a new one bumps the version in the same transaction that replaces
 * the old ciphertext, so readers see either the old credential or the new one, never a mix.
 */
@Service
public class Connections {

    static final int MAX_NAME_LENGTH = 255;

    private final ConnectionRepository repository;
    private final Vault vault;
    private final AuditLog audit;
    private final AddressProperties addresses;
    private final Clock clock;

    Connections(
            ConnectionRepository repository, Vault vault, AuditLog audit, AddressProperties addresses, Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.audit = audit;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * A new connection awaiting credentials.
     *
     * @throws RecordInvalidException naming the field and the rule it broke
     */
    @Transactional
    public Connection create(NewConnection request, Actor actor) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new RecordInvalidException("name", "BlankValue", "Name: cannot be blank");
        }
        TextInput.check("name", "Name", name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RecordInvalidException(
                    "name",
                    "TooLong",
                    "Name: is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        ZendeskAddress address;
        try {
            address = ZendeskAddresses.normalise(request.address(), addresses.plainHttp());
        } catch (InvalidAddressException e) {
            throw new RecordInvalidException("address", "InvalidValue", "Address: " + e.getMessage());
        }
        long id = repository.insert(name, address, now());
        audit.record(
                AuditEvent.CONNECTION_CREATED, actor, id, null, "Created the connection " + name + " to " + address);
        return repository.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Connection> find(long id) {
        return repository.find(id);
    }

    /** @throws ConnectionNotFoundException when there is none */
    @Transactional(readOnly = true)
    public Connection get(long id) {
        return repository.find(id).orElseThrow(() -> ConnectionNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public List<Connection> list() {
        return repository.list();
    }

    /**
     * What the operator should know after creating {@code created}: other connections to the same
     * Zendesk account, which share its rate limit and sync the same records — usually a mistake.
     */
    @Transactional(readOnly = true)
    public List<String> warningsFor(Connection created) {
        return repository.list().stream()
                .filter(c -> c.id() != created.id() && c.address().equals(created.address()))
                .map(c -> "Connection " + c.id() + " \"" + c.name() + "\" already syncs " + c.address()
                        + ": both share that account's API rate limit and store the same records;"
                        + " delete one if it was created by mistake")
                .toList();
    }

    /**
     * Stores {@code credential} as the connection's next credential version and marks it ready; the
     * previous version's ciphertext is deleted. Audited with the source; the secret is not.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     */
    @Transactional
    public Connection receiveCredential(long id, Credential credential, CredentialSource source, Actor actor) {
        Connection current = repository.findForUpdate(id).orElseThrow(() -> ConnectionNotFoundException.forId(id));
        int version = current.credentialVersion() + 1;
        SealedSecret sealed = vault.seal(CredentialCodec.encode(credential), new CredentialBinding(id, version));
        repository.storeCredential(id, version, credential, sealed, now());
        audit.record(
                AuditEvent.CREDENTIALS_RECEIVED,
                actor,
                id,
                source.requestLinkId(),
                "Received " + describe(credential) + " for the connection " + current.name() + " through "
                        + source.description() + "; stored as credential version " + version);
        return repository.find(id).orElseThrow();
    }

    /**
     * Replaces the connection's credential with {@code replacement} as the next version, but only if
     * it is still version {@code expectedVersion}: the one the caller tested the replacement against.
     * One transaction with the connection's row locked, like a refresh: the sync engine reads the
     * credential for every page, so pages before the commit go out with the old credential and pages
     * after it with the new one. Audited with the source; the secret is not.
     *
     * @return the connection after the switch; empty (nothing changed) when another credential
     *     arrived or a refresh happened since {@code expectedVersion}
     * @throws ConnectionNotFoundException when there is no such connection
     */
    @Transactional
    public Optional<Connection> switchCredential(
            long id, int expectedVersion, Credential replacement, CredentialSource source, Actor actor) {
        Connection current = repository.findForUpdate(id).orElseThrow(() -> ConnectionNotFoundException.forId(id));
        if (current.credentialVersion() != expectedVersion) {
            return Optional.empty();
        }
        return Optional.of(receiveCredential(id, replacement, source, actor));
    }

    /**
     * The connection's current credential, opened: for the code that calls Zendesk with it. Callers
     * read it for each request (or on 401), so a credential replaced meanwhile takes effect at once.
     */
    @Transactional(readOnly = true)
    public Optional<Credential> credential(long id) {
        return repository.credential(id).map(stored -> open(id, stored));
    }

    /** The current credential, opened, with its version: for callers that may refresh it. */
    @Transactional(readOnly = true)
    public Optional<CurrentCredential> currentCredential(long id) {
        return repository.credential(id).map(stored -> new CurrentCredential(stored.version(), open(id, stored)));
    }

    /**
     * Replaces the connection's credential with what {@code refresher} makes of it, as the next
     * credential version, unless it is no longer {@code seenVersion}: then someone else replaced it
     * meanwhile (another thread, another sync instance, a new request link) and the newer one is
     * returned without calling {@code refresher}. The connection's row stays locked while {@code
     * refresher} runs, so refreshes of one connection happen one at a time on every instance that
     * shares the database: Zendesk's refresh tokens work once, and a second refresh with the same
     * token would lose the connection its credential.
     *
     * @param refresher gets the current credential, returns its replacement; exceptions roll back
     * @throws ConnectionNotFoundException when there is no such connection
     * @throws IllegalStateException when the connection has no credential
     */
    @Transactional
    public CurrentCredential refreshCredential(long id, int seenVersion, UnaryOperator<Credential> refresher) {
        Connection current = repository.findForUpdate(id).orElseThrow(() -> ConnectionNotFoundException.forId(id));
        ConnectionRepository.StoredCredential stored = repository
                .credential(id)
                .orElseThrow(() -> new IllegalStateException("Connection " + id + " has no credential to refresh"));
        Credential before = open(id, stored);
        if (stored.version() != seenVersion) {
            return new CurrentCredential(stored.version(), before);
        }
        Credential after = refresher.apply(before);
        int version = stored.version() + 1;
        SealedSecret sealed = vault.seal(CredentialCodec.encode(after), new CredentialBinding(id, version));
        repository.storeCredential(id, version, after, sealed, now());
        audit.record(
                AuditEvent.CREDENTIALS_REFRESHED,
                Actor.system(),
                id,
                null,
                "Refreshed the " + after.type().wireName() + " credential of the connection " + current.name()
                        + "; stored as credential version " + version + " (the previous one no longer works)");
        return new CurrentCredential(version, after);
    }

    private Credential open(long id, ConnectionRepository.StoredCredential stored) {
        return CredentialCodec.decode(vault.open(stored.sealed(), new CredentialBinding(id, stored.version())));
    }

    private static String describe(Credential credential) {
        return credential.identity() == null
                ? credential.type().wireName() + " credentials"
                : "an " + credential.type().wireName() + " credential for " + credential.identity();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
