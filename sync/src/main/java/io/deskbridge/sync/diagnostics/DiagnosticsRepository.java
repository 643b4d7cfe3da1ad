package io.deskbridge.sync.diagnostics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The latest report per connection, and when its credential version last authenticated. */
@Repository
class DiagnosticsRepository {

    /** When a credential version last authenticated. */
    private record AuthPassed(OffsetDateTime at, Integer version) {}

    private final JdbcClient jdbc;

    DiagnosticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the connection's report. The last successful authentication survives failed runs (it
     * tells "something changed" from "never worked") and is forgotten when the credential version
     * changes.
     */
    @Transactional
    void save(DiagnosticsReport report, int credentialVersion, boolean authenticated, String runBy) {
        OffsetDateTime checkedAt = report.checkedAt().atOffset(ZoneOffset.UTC);
        Optional<AuthPassed> before = jdbc.sql("""
                        SELECT auth_passed_at, auth_passed_version FROM diagnostics_reports
                         WHERE connection_id = :connectionId FOR UPDATE
                        """)
                .param("connectionId", report.connectionId())
                .query((rs, n) ->
                        new AuthPassed(rs.getObject(1, OffsetDateTime.class), (Integer) rs.getObject(2, Integer.class)))
                .optional();
        AuthPassed passed;
        if (authenticated) {
            passed = new AuthPassed(checkedAt, credentialVersion);
        } else if (before.isPresent()
                && before.get().version() != null
                && before.get().version() == credentialVersion) {
            passed = before.get();
        } else {
            passed = new AuthPassed(null, null);
        }
        String json = DiagnosticsJson.write(report);
        if (before.isPresent()) {
            update(report, credentialVersion, runBy, checkedAt, passed, json);
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO diagnostics_reports (connection_id, verdict, checked_at, run_by,
                                                             credential_version, report, auth_passed_at,
                                                             auth_passed_version)
                            VALUES (:connectionId, :verdict, :checkedAt, :runBy, :version, :report, :authPassedAt,
                                    :authPassedVersion)
                            """)
                    .param("connectionId", report.connectionId())
                    .param("verdict", report.verdict().wireName())
                    .param("checkedAt", checkedAt)
                    .param("runBy", runBy)
                    .param("version", credentialVersion)
                    .param("report", json)
                    .param("authPassedAt", passed.at(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("authPassedVersion", passed.version(), java.sql.Types.INTEGER)
                    .update();
        } catch (DuplicateKeyException e) {
            // Another run stored the first report meanwhile; the later one wins, as with updates.
            update(report, credentialVersion, runBy, checkedAt, passed, json);
        }
    }

    private void update(
            DiagnosticsReport report,
            int credentialVersion,
            String runBy,
            OffsetDateTime checkedAt,
            AuthPassed passed,
            String json) {
        jdbc.sql("""
                        UPDATE diagnostics_reports
                           SET verdict = :verdict, checked_at = :checkedAt, run_by = :runBy,
                               credential_version = :version, report = :report,
                               auth_passed_at = :authPassedAt, auth_passed_version = :authPassedVersion
                         WHERE connection_id = :connectionId
                        """)
                .param("verdict", report.verdict().wireName())
                .param("checkedAt", checkedAt)
                .param("runBy", runBy)
                .param("version", credentialVersion)
                .param("report", json)
                .param("authPassedAt", passed.at(), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("authPassedVersion", passed.version(), java.sql.Types.INTEGER)
                .param("connectionId", report.connectionId())
                .update();
    }

    @Transactional(readOnly = true)
    Optional<DiagnosticsReport> latest(long connectionId) {
        return jdbc.sql("SELECT report FROM diagnostics_reports WHERE connection_id = :connectionId")
                .param("connectionId", connectionId)
                .query(String.class)
                .optional()
                .map(DiagnosticsJson::read);
    }

    @Transactional(readOnly = true)
    Optional<Instant> authPassedAt(long connectionId, int credentialVersion) {
        return jdbc.sql("""
                        SELECT auth_passed_at FROM diagnostics_reports
                         WHERE connection_id = :connectionId AND auth_passed_version = :version
                           AND auth_passed_at IS NOT NULL
                        """)
                .param("connectionId", connectionId)
                .param("version", credentialVersion)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }
}
