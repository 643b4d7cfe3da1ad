package io.deskbridge.desk.brand;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's brands, one of them the default (see package-info). */
@Service
public class Brands {

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final BrandRepository repository;
    private final Clock clock;

    Brands(BrandRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Brand> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Brand get(long id) {
        return repository.find(id).orElseThrow(() -> BrandNotFoundException.forId(id));
    }

    /** Whether a brand with this id exists (for {@code brand_id} on tickets, later). */
    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return repository.find(id).isPresent();
    }

    @Transactional
    Brand create(BrandWrite write) {
        String name = name(write.name());
        String subdomain = subdomain(write.subdomain(), null);
        Instant now = now();
        long id = repository.insert(
                new Brand(
                        0,
                        name,
                        subdomain,
                        blankToNull(write.hostMapping()),
                        write.signatureTemplate().orElse("{{agent.signature}}"),
                        write.active().orElse(true),
                        false,
                        now,
                        now),
                now);
        if (write.isDefault().orElse(false)) {
            repository.makeDefault(id, now);
        }
        return get(id);
    }

    @Transactional
    Brand update(long id, BrandWrite write) {
        Brand current = get(id);
        if (current.isDefault() && write.isDefault().map(d -> !d).orElse(false)) {
            throw defaultRule("default", "Default: make another brand the default instead");
        }
        boolean active = write.active().orElse(current.active());
        boolean willBeDefault = current.isDefault() || write.isDefault().orElse(false);
        if (willBeDefault && !active) {
            throw defaultRule("active", "Active: the default brand cannot be deactivated");
        }
        Instant now = now();
        repository.update(
                new Brand(
                        id,
                        write.name().isPresent() ? name(write.name()) : current.name(),
                        write.subdomain().isPresent() ? subdomain(write.subdomain(), id) : current.subdomain(),
                        write.hostMapping().isPresent() ? blankToNull(write.hostMapping()) : current.hostMapping(),
                        write.signatureTemplate().orElse(current.signatureTemplate()),
                        active,
                        current.isDefault(),
                        current.createdAt(),
                        now),
                now);
        if (!current.isDefault() && write.isDefault().orElse(false)) {
            repository.makeDefault(id, now);
        }
        return get(id);
    }

    @Transactional
    void delete(long id) {
        if (get(id).isDefault()) {
            throw defaultRule("base", "The default brand cannot be deleted; make another brand the default first");
        }
        repository.delete(id);
    }

    private static RecordInvalidException defaultRule(String field, String description) {
        return new RecordInvalidException(field, "InvalidValue", description);
    }

    private String subdomain(Optional<String> value, Long self) {
        String subdomain = value.map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> Input.blank("subdomain"));
        if (!SUBDOMAIN.matcher(subdomain).matches()) {
            throw Input.invalid(
                    "subdomain", "may only contain letters, digits and inner hyphens, at most 63 characters");
        }
        repository
                .findBySubdomain(subdomain)
                .filter(b -> self == null || b.id() != self)
                .ifPresent(b -> {
                    throw new RecordInvalidException(
                            "subdomain", "DuplicateValue", "Subdomain: " + subdomain + " has already been taken");
                });
        return subdomain;
    }

    private static String name(Optional<String> name) {
        return name.map(String::strip).filter(n -> !n.isEmpty()).orElseThrow(() -> Input.blank("name"));
    }

    private static String blankToNull(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
