/**
 * Zendesk addresses: whatever an operator types ({@code acme}, {@code acme.zendesk.com}, a URL copied
 * from the agent interface, {@code http://127.0.0.1:8080} for a local desk) becomes one base URL, or
 * an error that says what is wrong with it. Pure functions: no DNS, no network.
 */
package io.deskbridge.sync.address;
