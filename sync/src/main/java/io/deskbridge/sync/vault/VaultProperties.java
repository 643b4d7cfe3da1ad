package io.deskbridge.sync.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sync.vault.*}.
 *
 * @param masterKey {@code SYNC_MASTER_KEY}: base64 of a Tink JSON keyset whose primary key is
 *     AES-256-GCM. When blank, sync reads {@code <data-dir>/master-keyset.json}, generating it (owner
 *     read/write only) on first start. Every instance sharing a database must use the same keyset:
 *     sync refuses to start when its keyset cannot open what another keyset sealed.
 */
@ConfigurationProperties("sync.vault")
public record VaultProperties(String masterKey) {

    @Override
    public String toString() {
        return "VaultProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "(set)") + "]";
    }
}
