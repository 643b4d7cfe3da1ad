package io.deskbridge.desk.jobstatus;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/job_statuses}: the jobs of the last hour, one by id, several by ids. */
@RestController
class JobStatusController {

    /** Zendesk lists the last 100 jobs. */
    static final int LISTED = 100;

    private final JobStatuses jobs;
    private final ListPages pages;

    JobStatusController(JobStatuses jobs, ListPages pages) {
        this.jobs = jobs;
        this.pages = pages;
    }

    private record Listed(int position, JobStatusJson job) {}

    /** Newest first; offset or cursor pagination over at most the last 100 jobs. */
    @GetMapping("/api/v2/job_statuses")
    ListPage<JobStatusJson> list(HttpServletRequest request) {
        String base = base();
        List<Listed> all = new ArrayList<>();
        for (JobStatus job : jobs.recent(LISTED)) {
            all.add(new Listed(all.size(), JobStatusJson.of(job, base)));
        }
        return pages.inMemory("job_statuses", request, all, l -> List.of((long) l.position(), (long) l.position()))
                .map(Listed::job);
    }

    @GetMapping("/api/v2/job_statuses/show_many")
    ListPage<JobStatusJson> showMany(@RequestParam(required = false) String ids) {
        if (ids == null || ids.isBlank()) {
            throw new BadRequestException("InvalidParameter", "Send ids: comma-separated job status ids");
        }
        List<String> wanted = Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (wanted.size() > LISTED) {
            throw new BadRequestException(
                    "InvalidParameter", "show_many takes at most " + LISTED + " ids (got " + wanted.size() + ")");
        }
        String base = base();
        return ListPage.whole(
                "job_statuses",
                jobs.findAll(wanted).stream()
                        .map(j -> JobStatusJson.of(j, base))
                        .toList());
    }

    @GetMapping("/api/v2/job_statuses/{id}")
    JobStatusJson.Envelope show(@PathVariable String id) {
        return jobs.find(id)
                .map(j -> new JobStatusJson.Envelope(JobStatusJson.of(j, base())))
                .orElseThrow(() ->
                        new RecordNotFoundException("No job status with id " + id + " (jobs are kept for an hour)"));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
