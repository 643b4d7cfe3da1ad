package io.deskbridge.sync.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Master key rotation. To rotate: add a new primary key to the master keyset ({@link
 * Vault#withNewPrimaryKeyJson}, or {@code tinkey rotate-keyset}) and restart sync with it; at start
 * every store of sealed secrets (connection credentials, rules' notification signing secrets, webhook
 * hint secrets) and the vault canary are re-wrapped under the new primary; then remove the old key
 * ({@link Vault#withOnlyPrimaryKeyJson}) and restart again. Re-wrapping touches only the wrapped data
 * keys, never the secrets' ciphertexts; a re-wrap by two instances at once writes equally valid wraps.
 */
@Component
public class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final Vault vault;
    private final VaultCanaryRepository canary;
    private final List<SealedSecretStore> stores;

    MasterKeyRotation(Vault vault, VaultCanaryRepository canary, List<SealedSecretStore> stores) {
        this.vault = vault;
        this.canary = canary;
        this.stores = stores;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rewrapAll();
    }

    /** Re-wraps what another key wrapped; answers how many secrets of each store were re-wrapped. */
    public Map<String, Integer> rewrapAll() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SealedSecretStore store : stores) {
            int n = store.rewrap(vault);
            counts.put(store.description(), n);
            if (n > 0) {
                log.info("Re-wrapped {} {} under master key {}", n, store.description(), vault.primaryKeyId());
            }
        }
        vault.rewrapCanary(canary);
        return counts;
    }
}
