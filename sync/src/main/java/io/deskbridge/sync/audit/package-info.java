/**
 * The audit log: who did what to which connection, when, and from which address. Entries never hold
 * a secret: callers pass descriptions, never values.
 */
package io.deskbridge.sync.audit;
