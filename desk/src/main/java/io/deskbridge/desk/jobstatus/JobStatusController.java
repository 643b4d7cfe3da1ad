package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/job_statuses}: no queued jobs in desk yet (see package-info). */
@RestController
class JobStatusController {

    private final ListPages pages;

    JobStatusController(ListPages pages) {
        this.pages = pages;
    }

    /** {@code JobStatusObject}; none exist yet, the type fixes the wire shape for when they do. */
    record JobStatusJson(
            String id, String url, String jobType, String status, Integer total, Integer progress, String message) {}

    @GetMapping("/api/v2/job_statuses")
    ListPage<JobStatusJson> list(HttpServletRequest request) {
        return pages.inMemory("job_statuses", request, List.<JobStatusJson>of(), j -> List.of(0L, 0L));
    }

    @GetMapping("/api/v2/job_statuses/show_many")
    ListPage<JobStatusJson> showMany(@RequestParam(required = false) String ids) {
        if (ids == null || ids.isBlank()) {
            throw new BadRequestException("InvalidParameter", "Send ids: comma-separated job status ids");
        }
        return ListPage.whole("job_statuses", List.of());
    }

    @GetMapping("/api/v2/job_statuses/{id}")
    JobStatusJson show(@PathVariable String id) {
        throw new RecordNotFoundException("No job status with id " + id + ": desk runs bulk writes at once");
    }
}
