package io.deskbridge.desk.brand;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/brands}: agents read, admins write. */
@RestController
class BrandController {

    private final Brands brands;
    private final ListPages pages;

    BrandController(Brands brands, ListPages pages) {
        this.brands = brands;
        this.pages = pages;
    }

    /** {@code BrandObject}. */
    record BrandJson(
            String url,
            long id,
            String name,
            String brandUrl,
            String subdomain,
            @JsonInclude(JsonInclude.Include.NON_NULL) String hostMapping,
            boolean hasHelpCenter,
            String helpCenterState,
            boolean active,
            @JsonProperty("default") boolean isDefault,
            boolean isDeleted,
            String signatureTemplate,
            List<Long> ticketFormIds,
            Instant createdAt,
            Instant updatedAt) {}

    record BrandEnvelope(BrandJson brand) {}

    @GetMapping("/api/v2/brands")
    ListPage<BrandJson> list(HttpServletRequest request) {
        String base = base();
        return pages.inMemory("brands", request, brands.all(), b -> List.of(0L, b.id()))
                .map(b -> json(b, base));
    }

    @GetMapping("/api/v2/brands/{id}")
    BrandEnvelope show(@PathVariable long id) {
        return new BrandEnvelope(json(brands.get(id), base()));
    }

    @PostMapping("/api/v2/brands")
    ResponseEntity<BrandEnvelope> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Brand created = brands.create(write(Input.envelope(body, "brand")));
        return ResponseEntity.status(HttpStatus.CREATED).body(new BrandEnvelope(json(created, base())));
    }

    @PutMapping("/api/v2/brands/{id}")
    BrandEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        return new BrandEnvelope(json(brands.update(id, write(Input.envelope(body, "brand"))), base()));
    }

    @DeleteMapping("/api/v2/brands/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        brands.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static BrandWrite write(Input in) {
        return new BrandWrite(
                in.string("name", 255),
                in.string("subdomain", 255),
                in.string("host_mapping", 255),
                in.string("signature_template", 4000),
                in.bool("active"),
                in.bool("default"));
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change brands");
        }
    }

    private static BrandJson json(Brand b, String base) {
        return new BrandJson(
                base + "/api/v2/brands/" + b.id() + ".json",
                b.id(),
                b.name(),
                "https://" + b.subdomain() + ".deskbridge.local",
                b.subdomain(),
                b.hostMapping(),
                false,
                "disabled",
                b.active(),
                b.isDefault(),
                false,
                b.signatureTemplate(),
                List.of(),
                b.createdAt(),
                b.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
