package io.deskbridge.desk.businessrule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code automation_runs} (the hourly claim) and {@code automation_firings}. */
@Repository
class AutomationRepository {

    private final JdbcClient jdbc;

    AutomationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the run of the hour starting at {@code hour}; false when another instance (or an
     * earlier poll) already did. Runs outside any transaction: on PostgreSQL a refused insert would
     * spoil the transaction around it.
     */
    boolean claimHour(Instant hour, String claimer, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO automation_runs (hour_start, claimed_by, started_at)
                    VALUES (:hour, :claimer, :now)
                    """)
                    .param("hour", utc(hour))
                    .param("claimer", claimer)
                    .param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    void finishHour(Instant hour, int fired, Instant now) {
        jdbc.sql("UPDATE automation_runs SET finished_at = :now, fired = :fired WHERE hour_start = :hour")
                .param("now", utc(now))
                .param("fired", fired)
                .param("hour", utc(hour))
                .update();
    }

    boolean hasFired(long automationId, long ticketId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM automation_firings
                         WHERE automation_id = :automation AND ticket_id = :ticket
                        """)
                        .param("automation", automationId)
                        .param("ticket", ticketId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void recordFiring(long automationId, long ticketId, Instant at) {
        jdbc.sql("""
                INSERT INTO automation_firings (automation_id, ticket_id, fired_at)
                VALUES (:automation, :ticket, :at)
                """)
                .param("automation", automationId)
                .param("ticket", ticketId)
                .param("at", utc(at))
                .update();
    }

    /** The automation's conditions no longer hold on the ticket: it may fire there again. */
    void nullify(long automationId, long ticketId) {
        jdbc.sql("DELETE FROM automation_firings WHERE automation_id = :automation AND ticket_id = :ticket")
                .param("automation", automationId)
                .param("ticket", ticketId)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The rows of a permanently deleted ticket ({@code TicketPurged}). */
    void deleteOfTicket(long ticketId) {
        jdbc.sql("DELETE FROM automation_firings WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .update();
    }
}
