package io.deskbridge.sync.vault;

/**
 * A secret as stored: ciphertext only.
 *
 * @param masterKeyId the master keyset's key that wrapped the data key (rotation finds old wraps by it)
 * @param wrappedKey base64 of the data keyset, encrypted by the master keyset
 * @param ciphertext base64 of the secret, encrypted by the data key
 */
public record SealedSecret(long masterKeyId, String wrappedKey, String ciphertext) {}
