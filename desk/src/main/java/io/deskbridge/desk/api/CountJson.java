package io.deskbridge.desk.api;

import java.time.Instant;

/**
 * Zendesk's count body, {@code {"count":{"value":N,"refreshed_at":"…"}}}. Zendesk's counts may be
 * cached for a while (large accounts); desk counts on every request, so {@code refreshed_at} is now.
 */
public record CountJson(Count count) {

    public record Count(long value, Instant refreshedAt) {}

    public static CountJson of(long value, Instant refreshedAt) {
        return new CountJson(new Count(value, refreshedAt));
    }
}
