package io.deskbridge.desk.leakreport;

import io.deskbridge.desk.api.ZendeskError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /secret_scanning/reports}: public, authenticated by the scanner's signature over the
 * raw body (read as bytes, so the check sees exactly what was signed). 200 with the per-token result;
 * 401 for a missing or wrong signature, 400 for a body that is not a report, 413 for a body over 1 MiB;
 * none of them changes anything.
 */
@RestController
class LeakReportController {

    static final String PATH = "/secret_scanning/reports";

    /** 1 MiB: a thousand reported tokens with their URLs fit several times over. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final TypeReference<List<ReportedSecret>> REPORT = new TypeReference<>() {};

    private final ScannerKeys keys;
    private final LeakReports reports;
    private final ObjectMapper json;

    LeakReportController(ScannerKeys keys, LeakReports reports, ObjectMapper json) {
        this.keys = keys;
        this.reports = reports;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(
            @RequestHeader(name = "Github-Public-Key-Identifier", required = false) String keyIdentifier,
            @RequestHeader(name = "Github-Public-Key-Signature", required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        // Read before anyone is authenticated: never more than MAX_BODY_BYTES into memory.
        byte[] raw = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            return ResponseEntity.status(413)
                    .body(ZendeskError.described(
                            "RequestTooLarge",
                            "A leak report may be at most " + MAX_BODY_BYTES + " bytes; send the tokens in several "
                                    + "reports"));
        }
        ScannerKeys.Verdict verdict = keys.verify(keyIdentifier, signature, raw);
        if (!verdict.accepted()) {
            return ResponseEntity.status(401).body(ZendeskError.described("InvalidSignature", verdict.reason()));
        }
        List<ReportedSecret> report;
        try {
            report = json.readValue(raw, REPORT);
        } catch (JacksonException e) {
            return badReport("The body is not a JSON array of {\"token\",\"type\",\"url\",\"source\"} objects");
        }
        if (report == null || report.isEmpty()) {
            return badReport("The report lists no tokens");
        }
        if (report.size() > LeakReports.MAX_TOKENS) {
            return badReport("The report lists " + report.size() + " tokens; send at most " + LeakReports.MAX_TOKENS
                    + " per request");
        }
        if (report.stream()
                .anyMatch(s -> s == null || s.token() == null || s.token().isBlank())) {
            return badReport("Every entry of the report needs a \"token\"");
        }
        return ResponseEntity.ok(reports.handle(report, request.getRemoteAddr()));
    }

    private static ResponseEntity<ZendeskError> badReport(String description) {
        return ResponseEntity.badRequest().body(ZendeskError.described("InvalidReport", description));
    }
}
