/**
 * Zendesk's per-account API rate limits: the plan that sets them (Admin Center and
 * {@code /api/v2/account/plan}), Bucket4j buckets in memory or in Redis shared by every instance, the
 * response headers and the 429s.
 */
package io.deskbridge.desk.ratelimit;
