package io.deskbridge.desk.dynamiccontent;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.locale.Locales;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Dynamic content items and their variants (see package-info). */
@Service
class DynamicContents {

    static final int MAX_CONTENT = 65535;

    private final DynamicContentRepository repository;
    private final Locales locales;
    private final Clock clock;

    DynamicContents(DynamicContentRepository repository, Locales locales, Clock clock) {
        this.repository = repository;
        this.locales = locales;
        this.clock = clock;
    }

    /** What a create or update of an item sends; {@code variants} only on create. */
    record ItemWrite(Optional<String> name, Optional<Long> defaultLocaleId, List<VariantWrite> variants) {}

    record VariantWrite(
            Optional<Long> localeId, Optional<String> content, Optional<Boolean> active, Optional<Boolean> isDefault) {}

    @Transactional(readOnly = true)
    List<DynamicContentItem> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    DynamicContentItem get(long id) {
        return repository.find(id).orElseThrow(() -> notFound("dynamic content item", id));
    }

    /** {@code show_many?identifiers=}: by placeholder key, unknown keys left out. */
    @Transactional(readOnly = true)
    List<DynamicContentItem> byIdentifiers(Collection<String> identifiers) {
        return repository.findByKeys(identifiers);
    }

    @Transactional
    DynamicContentItem create(ItemWrite write) {
        String name = name(write.name());
        String key = uniqueKey(name, null);
        long defaultLocale = write.defaultLocaleId().orElseThrow(() -> Input.blank("default_locale_id"));
        requireLocale("default_locale_id", defaultLocale);
        if (write.variants().isEmpty()) {
            throw Input.blank("variants");
        }
        Set<Long> seen = new HashSet<>();
        for (VariantWrite v : write.variants()) {
            long locale = v.localeId().orElseThrow(() -> Input.blank("locale_id"));
            requireLocale("locale_id", locale);
            if (!seen.add(locale)) {
                throw duplicateLocale(locale);
            }
            content(v.content());
        }
        if (!seen.contains(defaultLocale)) {
            throw Input.invalid(
                    "variants", "must include a variant in the default locale (locale_id " + defaultLocale + ")");
        }
        Instant now = now();
        long id = repository.insertItem(name, key, defaultLocale, now);
        for (VariantWrite v : write.variants()) {
            repository.insertVariant(
                    id,
                    v.localeId().orElseThrow(),
                    content(v.content()),
                    v.active().orElse(true),
                    now);
        }
        return get(id);
    }

    @Transactional
    DynamicContentItem update(long id, ItemWrite write) {
        DynamicContentItem current = get(id);
        String name = write.name().isPresent() ? name(write.name()) : current.name();
        long defaultLocale = write.defaultLocaleId().orElse(current.defaultLocaleId());
        if (current.variants().stream().noneMatch(v -> v.localeId() == defaultLocale)) {
            throw Input.invalid(
                    "default_locale_id", "the item has no variant in locale " + defaultLocale + "; add one first");
        }
        repository.updateItem(id, name, uniqueKey(name, id), defaultLocale, now());
        return get(id);
    }

    @Transactional
    void delete(long id) {
        get(id);
        repository.deleteItem(id);
    }

    @Transactional(readOnly = true)
    DynamicContentItem.Variant variant(long itemId, long variantId) {
        return get(itemId).variants().stream()
                .filter(v -> v.id() == variantId)
                .findFirst()
                .orElseThrow(() -> notFound("variant", variantId));
    }

    @Transactional
    DynamicContentItem.Variant createVariant(long itemId, VariantWrite write) {
        DynamicContentItem item = get(itemId);
        long locale = write.localeId().orElseThrow(() -> Input.blank("locale_id"));
        requireLocale("locale_id", locale);
        if (item.variants().stream().anyMatch(v -> v.localeId() == locale)) {
            throw duplicateLocale(locale);
        }
        Instant now = now();
        long id = repository.insertVariant(
                itemId, locale, content(write.content()), write.active().orElse(true), now);
        if (write.isDefault().orElse(false)) {
            repository.updateItem(itemId, item.name(), item.placeholderKey(), locale, now);
        } else {
            repository.touchItem(itemId, now);
        }
        return variant(itemId, id);
    }

    @Transactional
    DynamicContentItem.Variant updateVariant(long itemId, long variantId, VariantWrite write) {
        DynamicContentItem item = get(itemId);
        DynamicContentItem.Variant current = variant(itemId, variantId);
        long locale = write.localeId().orElse(current.localeId());
        requireLocale("locale_id", locale);
        if (item.variants().stream().anyMatch(v -> v.localeId() == locale && v.id() != variantId)) {
            throw duplicateLocale(locale);
        }
        boolean wasDefault = current.localeId() == item.defaultLocaleId();
        if (wasDefault && write.isDefault().map(d -> !d).orElse(false)) {
            throw Input.invalid("default", "make another variant the default instead");
        }
        String content = write.content().isPresent() ? content(write.content()) : current.content();
        Instant now = now();
        repository.updateVariant(variantId, locale, content, write.active().orElse(current.active()), now);
        long defaultLocale = wasDefault || write.isDefault().orElse(false) ? locale : item.defaultLocaleId();
        repository.updateItem(itemId, item.name(), item.placeholderKey(), defaultLocale, now);
        return variant(itemId, variantId);
    }

    @Transactional
    void deleteVariant(long itemId, long variantId) {
        DynamicContentItem item = get(itemId);
        DynamicContentItem.Variant variant = variant(itemId, variantId);
        if (variant.localeId() == item.defaultLocaleId()) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "The default variant cannot be deleted; make another variant the default first");
        }
        repository.deleteVariant(variantId);
        repository.touchItem(itemId, now());
    }

    /** Zendesk's placeholder key: the name lower-cased, other characters than letters and digits as one underscore. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
    }

    private String uniqueKey(String name, Long self) {
        String key = key(name);
        if (key.isEmpty()) {
            throw Input.invalid("name", "needs at least one letter or digit to make a placeholder");
        }
        repository
                .idOfKey(key)
                .filter(other -> self == null || other != self.longValue())
                .ifPresent(other -> {
                    throw new RecordInvalidException(
                            "name",
                            "DuplicateValue",
                            "Name: " + name + " gives the placeholder {{dc." + key + "}}, which item " + other
                                    + " already has");
                });
        return key;
    }

    private void requireLocale(String field, long localeId) {
        if (locales.all("").stream().noneMatch(l -> l.id() == localeId)) {
            throw Input.invalid(field, localeId + " is not one of the account's locales (GET /api/v2/locales)");
        }
    }

    private static RecordInvalidException duplicateLocale(long locale) {
        return new RecordInvalidException(
                "locale_id", "DuplicateValue", "Locale id: the item already has a variant in locale " + locale);
    }

    private static String name(Optional<String> name) {
        return name.map(String::strip).filter(n -> !n.isEmpty()).orElseThrow(() -> Input.blank("name"));
    }

    private static String content(Optional<String> content) {
        return content.filter(c -> !c.isBlank()).orElseThrow(() -> Input.blank("content"));
    }

    private static RecordNotFoundException notFound(String what, long id) {
        return new RecordNotFoundException("No " + what + " with id " + id);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
