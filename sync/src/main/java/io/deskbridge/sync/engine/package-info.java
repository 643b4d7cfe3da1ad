/**
 * The resumable incremental sync engine: streams (tickets, users, organizations, ticket comments)
 * read from Zendesk's incremental exports under a rate governor, stored per connection with each
 * page's rows and the stream's cursor committed in one transaction, run by db-scheduler so that
 * several sync instances share the work and one stream of a connection never runs twice at once.
 * The public face is {@link io.deskbridge.sync.engine.SyncEngine} and its records.
 */
package io.deskbridge.sync.engine;
