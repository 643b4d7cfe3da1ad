/**
 * Secrets desk must store and use again later (webhook signing secrets, webhook credentials), sealed
 * with Tink AEAD under a keyset that lives outside the database. A stolen database holds only
 * ciphertext; a stolen keyset without the database holds nothing.
 */
package io.deskbridge.desk.secret;
