package io.deskbridge.desk.sharingagreement;

import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/sharing_agreements}: desk shares tickets with no other account (see package-info). */
@RestController
class SharingAgreementController {

    private final ListPages pages;

    SharingAgreementController(ListPages pages) {
        this.pages = pages;
    }

    /** {@code SharingAgreementObject}; none exist, the type fixes the wire shape. */
    record SharingAgreementJson(
            long id,
            String url,
            String name,
            String type,
            String status,
            String partnerName,
            String remoteSubdomain,
            Instant createdAt,
            Instant updatedAt) {}

    @GetMapping("/api/v2/sharing_agreements")
    ListPage<SharingAgreementJson> list(HttpServletRequest request) {
        return pages.inMemory("sharing_agreements", request, List.<SharingAgreementJson>of(), a -> List.of(0L, a.id()));
    }

    @GetMapping("/api/v2/sharing_agreements/{id}")
    SharingAgreementJson show(@PathVariable long id) {
        throw new RecordNotFoundException("No sharing agreement with id " + id);
    }
}
