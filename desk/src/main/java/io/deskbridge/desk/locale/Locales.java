package io.deskbridge.desk.locale;

import io.deskbridge.desk.api.RecordNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The fixed list of locales desk offers (see package-info). */
@Service
public class Locales {

    /** When desk's list was fixed; Zendesk's locales carry timestamps too. */
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    record Entry(long id, String code, String name) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry(1, "en-US", "English"),
            new Entry(2, "es", "Español"),
            new Entry(8, "de", "Deutsch"),
            new Entry(9, "nl", "Nederlands"),
            new Entry(16, "fr", "Français"),
            new Entry(19, "pt-br", "Português (Brasil)"),
            new Entry(22, "it", "Italiano"),
            new Entry(67, "ja", "日本語"),
            new Entry(1176, "en-gb", "English (United Kingdom)"));

    static final long DEFAULT_ID = 1;

    public List<SupportLocale> all(String base) {
        return ENTRIES.stream().map(e -> json(e, base)).toList();
    }

    public SupportLocale current(String base) {
        return find(Long.toString(DEFAULT_ID), base).orElseThrow();
    }

    /** By id or by code ({@code de}, {@code en-US}, case-insensitive); 404 otherwise. */
    public SupportLocale get(String idOrCode, String base) {
        return find(idOrCode, base).orElseThrow(() -> new RecordNotFoundException("No locale " + idOrCode));
    }

    private Optional<SupportLocale> find(String idOrCode, String base) {
        return ENTRIES.stream()
                .filter(e -> Long.toString(e.id()).equals(idOrCode) || e.code().equalsIgnoreCase(idOrCode))
                .findFirst()
                .map(e -> json(e, base));
    }

    private static SupportLocale json(Entry e, String base) {
        return new SupportLocale(
                base + "/api/v2/locales/" + e.id() + ".json", e.id(), e.code(), e.name(), SINCE, SINCE);
    }
}
