package io.deskbridge.desk.locale;

import java.time.Instant;

/** {@code LocaleObject}. */
public record SupportLocale(String url, long id, String locale, String name, Instant createdAt, Instant updatedAt) {}
