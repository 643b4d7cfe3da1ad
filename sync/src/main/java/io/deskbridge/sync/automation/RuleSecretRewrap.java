package io.deskbridge.sync.automation;

import io.deskbridge.sync.vault.SealedSecretStore;
import io.deskbridge.sync.vault.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Rules' notification signing secrets as a store the master key rotation re-wraps (deleted rules too). */
@Component
class RuleSecretRewrap implements SealedSecretStore {

    private final AutomationRepository repository;

    RuleSecretRewrap(AutomationRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "rule signing secrets";
    }

    @Override
    @Transactional
    public int rewrap(Vault vault) {
        int n = 0;
        for (AutomationRepository.WrappedSecret s : repository.secretsNotWrappedBy(vault.primaryKeyId())) {
            repository.rewrapSecret(s, vault.rewrap(s.sealed(), RuleSecrets.binding(s.connectionId(), s.ruleId())));
            n++;
        }
        return n;
    }
}
