/**
 * Zendesk's incremental exports (admins): cursor-based tickets and users, time-based tickets, users,
 * organizations and ticket events. What integration platforms synchronise with.
 */
package io.deskbridge.desk.export;
