package io.deskbridge.sync.vault;

/**
 * A table of secrets sealed by the {@link Vault}. After a master key rotation (a new primary key in
 * the master keyset) each store re-wraps the data keys its rows hold under the primary, so the old
 * key can be retired ({@link MasterKeyRotation}).
 */
public interface SealedSecretStore {

    /** What the store holds, for logs: "connection credentials". */
    String description();

    /**
     * Re-wraps, under {@code vault}'s primary key, every secret of the store wrapped by another key.
     *
     * @return how many were re-wrapped
     */
    int rewrap(Vault vault);
}
