package io.deskbridge.sync.handover;

import io.deskbridge.sync.vault.SealedSecretStore;
import io.deskbridge.sync.vault.Vault;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Request links' OAuth client secrets and PKCE verifiers as a store the master key rotation re-wraps. */
@Component
class OAuthHandoverRewrap implements SealedSecretStore {

    private final OAuthHandoverRepository repository;

    OAuthHandoverRewrap(OAuthHandoverRepository repository) {
        this.repository = repository;
    }

    @Override
    public String description() {
        return "request links' OAuth client secrets and code verifiers";
    }

    @Override
    @Transactional
    public int rewrap(Vault vault) {
        int n = 0;
        for (OAuthHandoverRepository.Wrapped w : repository.clientsNotWrappedBy(vault.primaryKeyId())) {
            repository.rewrapClient(w, vault.rewrap(w.sealed(), ConnectWithZendesk.clientBinding(w.requestLinkId())));
            n++;
        }
        for (OAuthHandoverRepository.Wrapped w : repository.statesNotWrappedBy(vault.primaryKeyId())) {
            repository.rewrapState(w, vault.rewrap(w.sealed(), ConnectWithZendesk.stateBinding(w.requestLinkId())));
            n++;
        }
        return n;
    }
}
