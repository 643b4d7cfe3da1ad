/**
 * {@code /api/v2/search} and {@code /api/v2/search/count}: Zendesk's search syntax over tickets,
 * users and organizations, answered from desk's text index plus ordinary indexed columns.
 */
package io.deskbridge.desk.searchapi;
