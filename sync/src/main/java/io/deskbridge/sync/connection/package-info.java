/**
 * Connections to Zendesk accounts: a normalised address, the credential the account's admin handed
 * over (sealed in the vault, one version at a time), and the connection's state. The secret never
 * leaves this capability except to the code that calls Zendesk with it.
 */
package io.deskbridge.sync.connection;
