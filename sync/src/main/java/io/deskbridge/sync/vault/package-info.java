/**
 * The vault: connection credentials encrypted at rest with Tink AEAD (AES-256-GCM), envelope style.
 * Each credential version gets a fresh data key; the data key is wrapped by the master keyset, which
 * lives outside the database. Both layers are bound to (connection id, credential version), so a
 * ciphertext moved to another connection or version does not open.
 */
package io.deskbridge.sync.vault;
