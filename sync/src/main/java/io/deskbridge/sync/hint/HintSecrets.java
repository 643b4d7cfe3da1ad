package io.deskbridge.sync.hint;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.vault.CredentialBinding;
import io.deskbridge.sync.vault.SealedSecret;
import io.deskbridge.sync.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores connections' hint signing secrets and turns verified hints into hinted runs. */
@Service
class HintSecrets {

    /**
     * The "credential version" a hint secret is sealed for: no credential (versions count from 1) and
     * no rule's signing secret (the negated rule id) takes it, so it opens as nothing else.
     */
    static final int BINDING_VERSION = Integer.MIN_VALUE;

    static final int MIN_LENGTH = 16;
    static final int MAX_LENGTH = 512;

    private final HintRepository repository;
    private final Connections connections;
    private final SyncEngine engine;
    private final Vault vault;
    private final AuditLog audit;
    private final Clock clock;

    HintSecrets(
            HintRepository repository,
            Connections connections,
            SyncEngine engine,
            Vault vault,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.connections = connections;
        this.engine = engine;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) the connection's hint secret.
     *
     * @throws RecordInvalidException when the secret is missing or its length is out of range
     */
    @Transactional
    public void set(long connectionId, String secret, Actor actor) {
        connections.get(connectionId);
        if (secret == null || secret.isBlank()) {
            throw new RecordInvalidException(
                    "signing_secret",
                    "Blank",
                    "signing_secret is required: the signing secret of the Zendesk webhook that points at sync");
        }
        if (secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            throw new RecordInvalidException(
                    "signing_secret",
                    "InvalidValue",
                    "signing_secret must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters; it is "
                            + secret.length());
        }
        boolean replaced = repository.find(connectionId).isPresent();
        SealedSecret sealed = vault.seal(secret.getBytes(StandardCharsets.UTF_8), binding(connectionId));
        repository.save(connectionId, sealed, clock.instant());
        audit.record(
                AuditEvent.HINT_SECRET_SET,
                actor,
                connectionId,
                null,
                (replaced ? "Replaced" : "Stored") + " the webhook hint signing secret (" + secret.length()
                        + " characters)");
    }

    /** Removes the connection's hint secret; audited when there was one. */
    @Transactional
    public boolean remove(long connectionId, Actor actor) {
        connections.get(connectionId);
        boolean removed = repository.delete(connectionId);
        if (removed) {
            audit.record(
                    AuditEvent.HINT_SECRET_REMOVED,
                    actor,
                    connectionId,
                    null,
                    "Removed the webhook hint signing secret: hints are refused from now on");
        }
        return removed;
    }

    @Transactional(readOnly = true)
    public boolean configured(long connectionId) {
        connections.get(connectionId);
        return repository.find(connectionId).isPresent();
    }

    /**
     * Verifies a hint and, when it is genuine, brings the connection's ticket runs forward.
     *
     * @throws HintNotAcceptedException when the connection does not exist or has no hint secret
     * @throws HintRefusedException when the signature is missing, wrong or stale
     */
    @Transactional
    public void accept(long connectionId, String timestamp, String signature, byte[] body) {
        Optional<SealedSecret> sealed = repository.find(connectionId);
        if (sealed.isEmpty()) {
            throw HintNotAcceptedException.forConnection(connectionId);
        }
        String secret = new String(vault.open(sealed.get(), binding(connectionId)), StandardCharsets.UTF_8);
        HintSignature.Verdict verdict = HintSignature.verify(secret, timestamp, signature, body, clock.instant());
        if (verdict != HintSignature.Verdict.VALID) {
            throw new HintRefusedException(verdict.description());
        }
        engine.hint(connectionId);
    }

    static CredentialBinding binding(long connectionId) {
        return new CredentialBinding(connectionId, BINDING_VERSION);
    }
}
