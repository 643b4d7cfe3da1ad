package io.deskbridge.sync.connection;

import io.deskbridge.sync.vault.CredentialBinding;
import io.deskbridge.sync.vault.SealedSecretStore;
import io.deskbridge.sync.vault.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Connection credentials as a store the master key rotation re-wraps. */
@Component
class CredentialRewrap implements SealedSecretStore {

    private final ConnectionRepository repository;

    CredentialRewrap(ConnectionRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "connection credentials";
    }

    @Override
    @Transactional
    public int rewrap(Vault vault) {
        int n = 0;
        for (ConnectionRepository.WrappedCredential c : repository.credentialsNotWrappedBy(vault.primaryKeyId())) {
            repository.rewrapCredential(
                    c, vault.rewrap(c.sealed(), new CredentialBinding(c.connectionId(), c.version())));
            n++;
        }
        return n;
    }
}
