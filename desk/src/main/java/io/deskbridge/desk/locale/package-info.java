/**
 * Locales, read only: {@code GET /api/v2/locales}, {@code /locales/public}, {@code /locales/agent},
 * {@code /locales/current}, {@code /locales/{id or code}}.
 *
 * <p>Decisions. desk speaks English only, but integrations fill language pickers from this list and
 * store a {@code locale_id}, so desk answers a fixed list of common locales with Zendesk's ids for
 * them (en-US is 1). All are "public" and "agent" locales. {@code /locales/current} is en-US: desk
 * keeps no per-user locale yet. A locale is found by id or by its code, case-insensitively, as
 * Zendesk allows ({@code /locales/de}).
 */
package io.deskbridge.desk.locale;
