/**
 * Zendesk's incremental exports (admins): cursor-based tickets and users, time-based tickets, users,
 * organizations and ticket events. What integration platforms synchronise with. The paging rules
 * (freshness window, positions, whole busy seconds) are {@code ExportPaging}'s, unit-tested without
 * HTTP or SQL; the controller only reads through the capabilities' facades and renders records.
 */
package io.deskbridge.desk.export;
