package io.deskbridge.desk.leakreport;

import io.deskbridge.desk.apitoken.ApiTokens;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.oauth.OAuthTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;

/** Stops every reported desk secret; see {@code package-info}. */
@Service
class LeakReports {

    static final int MAX_TOKENS = 1000;

    private final ApiTokens apiTokens;
    private final OAuthTokens oauthTokens;

    LeakReports(ApiTokens apiTokens, OAuthTokens oauthTokens) {
        this.apiTokens = apiTokens;
        this.oauthTokens = oauthTokens;
    }

    /** Each secret on its own: one that fails to stop does not keep the others working. */
    List<LeakReportResult> handle(List<ReportedSecret> report, String remoteAddress) {
        return report.stream().map(s -> handle(s, remoteAddress)).toList();
    }

    private LeakReportResult handle(ReportedSecret secret, String remoteAddress) {
        String value = secret.token() == null ? "" : secret.token().trim();
        Actor scanner = new Actor(null, "Secret scanning (" + secret.type() + ")", remoteAddress);
        String foundAt = secret.url() == null ? "an unnamed place" : secret.url();
        boolean known = value.startsWith("dsk_")
                ? apiTokens.revokeLeaked(scanner, value, foundAt).isPresent()
                : (value.startsWith("dsko_") || value.startsWith("dskr_"))
                        && oauthTokens.revokeLeaked(scanner, value, foundAt).isPresent();
        return new LeakReportResult(
                sha256(value), secret.type(), known ? LeakReportResult.TRUE_POSITIVE : LeakReportResult.FALSE_POSITIVE);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
