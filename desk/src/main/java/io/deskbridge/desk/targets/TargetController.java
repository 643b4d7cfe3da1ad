package io.deskbridge.desk.targets;

import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/targets}: desk has webhooks instead of legacy targets (see package-info). */
@RestController
class TargetController {

    private final ListPages pages;

    TargetController(ListPages pages) {
        this.pages = pages;
    }

    /** {@code TargetCommonFields}; none exist, the type fixes the wire shape. */
    record TargetJson(long id, String url, String title, String type, boolean active, Instant createdAt) {}

    @GetMapping("/api/v2/targets")
    ListPage<TargetJson> list(HttpServletRequest request) {
        return pages.inMemory("targets", request, List.<TargetJson>of(), t -> List.of(0L, t.id()));
    }

    @GetMapping("/api/v2/targets/{id}")
    TargetJson show(@PathVariable long id) {
        throw new RecordNotFoundException("No target with id " + id + ": desk has webhooks instead of targets");
    }
}
