/** Zendesk's per-account API rate limits and their response headers. */
package io.deskbridge.desk.ratelimit;
