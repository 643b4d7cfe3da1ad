/**
 * "Test connection": an ordered checklist against a connection's Zendesk account (address,
 * reachability, credentials, authentication, identity, role, access to each stream, rate limits, the
 * token's lifetime), each step with what was observed and the exact fix. {@link
 * io.deskbridge.sync.diagnostics.Diagnostics} runs it with a handful of requests and keeps the latest
 * report per connection.
 */
package io.deskbridge.sync.diagnostics;
