package io.deskbridge.sync.hint;

import io.deskbridge.sync.vault.SealedSecretStore;
import io.deskbridge.sync.vault.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Webhook hint secrets as a store the master key rotation re-wraps. */
@Component
class HintSecretRewrap implements SealedSecretStore {

    private final HintRepository repository;

    HintSecretRewrap(HintRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "webhook hint secrets";
    }

    @Override
    @Transactional
    public int rewrap(Vault vault) {
        int n = 0;
        for (HintRepository.Wrapped w : repository.notWrappedBy(vault.primaryKeyId())) {
            repository.rewrap(w, vault.rewrap(w.sealed(), HintSecrets.binding(w.connectionId())));
            n++;
        }
        return n;
    }
}
