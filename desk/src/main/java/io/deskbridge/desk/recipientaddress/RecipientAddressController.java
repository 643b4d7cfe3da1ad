package io.deskbridge.desk.recipientaddress;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.brand.Brand;
import io.deskbridge.desk.brand.Brands;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/recipient_addresses}: each brand's built-in support address (see package-info). */
@RestController
class RecipientAddressController {

    static final String UNKNOWN = "unknown";

    private final Brands brands;
    private final ListPages pages;

    RecipientAddressController(Brands brands, ListPages pages) {
        this.brands = brands;
        this.pages = pages;
    }

    /** {@code SupportAddressObject}. */
    record RecipientAddressJson(
            String url,
            long id,
            long brandId,
            String email,
            String name,
            @JsonProperty("default") boolean isDefault,
            String forwardingStatus,
            String spfStatus,
            String cnameStatus,
            String domainVerificationStatus,
            Instant createdAt,
            Instant updatedAt) {}

    record RecipientAddressEnvelope(RecipientAddressJson recipientAddress) {}

    @GetMapping("/api/v2/recipient_addresses")
    ListPage<RecipientAddressJson> list(HttpServletRequest request) {
        String base = base();
        return pages.inMemory("recipient_addresses", request, brands.all(), b -> List.of(0L, b.id()))
                .map(b -> json(b, base));
    }

    @GetMapping("/api/v2/recipient_addresses/{id}")
    RecipientAddressEnvelope show(@PathVariable long id) {
        return brands.all().stream()
                .filter(b -> b.id() == id)
                .findFirst()
                .map(b -> new RecipientAddressEnvelope(json(b, base())))
                .orElseThrow(() -> new RecordNotFoundException("No recipient address with id " + id));
    }

    private static RecipientAddressJson json(Brand b, String base) {
        return new RecipientAddressJson(
                base + "/api/v2/recipient_addresses/" + b.id() + ".json",
                b.id(),
                b.id(),
                "support@" + b.subdomain() + ".deskbridge.local",
                b.name(),
                b.isDefault(),
                UNKNOWN,
                UNKNOWN,
                UNKNOWN,
                UNKNOWN,
                b.createdAt(),
                b.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
