package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.connection.NewConnection;
import io.deskbridge.sync.engine.RunState;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncRun;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskExports;
import io.deskbridge.sync.support.DeskProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console tests' data: the test JVM's shared desk (on the sandbox clock, so exports serve changes
 * after 2 s and limits are not enforced), {@link #TICKETS} tickets whose subjects carry one marker
 * word (one with markup in its subject, one deleted), and a connection to it that the engine has
 * synced once. Real stream state, made through the facades only.
 */
public final class SyncedDesk {

    /** More than one page of the data browser (25). */
    public static final int TICKETS = 28;

    static final String MARKUP_SUBJECT = "<script>alert('subject')</script> & <b>bold</b>";

    final DeskAdmin admin;
    final String token;
    public final String marker;
    final List<Long> ticketIds = new ArrayList<>();
    final long markupTicket;
    final long deletedTicket;
    public final Connection connection;

    private SyncedDesk(DeskAdmin admin, String token, String marker, Connection connection, List<Long> ids) {
        this.admin = admin;
        this.token = token;
        this.marker = marker;
        this.connection = connection;
        this.ticketIds.addAll(ids);
        this.markupTicket = ids.get(0);
        this.deletedTicket = ids.get(1);
    }

    public static SyncedDesk syncedOnce(Connections connections, SyncEngine engine) {
        DeskProcess desk = DeskProcess.shared();
        DeskAdmin admin = desk.admin();
        admin.apiAccess(true, false);
        admin.plan("enterprise", true);
        String token = admin.createToken().value();
        String marker = "console" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            String subject = i == 0 ? marker + " " + MARKUP_SUBJECT : marker + " ticket " + i;
            ids.add(admin.call(
                            "POST",
                            "/api/v2/tickets",
                            Map.of(
                                    "ticket",
                                    Map.of("subject", subject, "comment", Map.of("body", "Body of " + subject))))
                    .path("ticket")
                    .path("id")
                    .asLong());
        }
        admin.call("DELETE", "/api/v2/tickets/" + ids.get(1), null);
        Connection connection = ready(connections, desk, token, "Console desk " + marker);
        // The sandbox clock's export freshness window: changes younger than 2 s are not served yet, and
        // desk moves generated_timestamp on by at least a second per change, so a burst of changes can
        // lie seconds ahead. Wait until desk's export serves every ticket, not for a fixed time.
        DeskExports exports = new DeskExports(desk.baseUrl(), DeskProcess.ADMIN_EMAIL, token);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!exports.cursor(DeskExports.TICKETS, "tickets").keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("desk did not export the console tests' tickets within 60 s");
            }
            sleep(Duration.ofMillis(500));
        }
        awaitFinished(engine, engine.requestSync(connection.id(), List.of()));
        return new SyncedDesk(admin, token, marker, connections.get(connection.id()), ids);
    }

    /** Another connection to the same desk, with credentials, never synced. */
    public Connection another(Connections connections, String name) {
        return ready(connections, DeskProcess.shared(), token, name);
    }

    private static Connection ready(Connections connections, DeskProcess desk, String token, String name) {
        Connection connection = connections.create(new NewConnection(name, desk.baseUrl()), Actor.system());
        return connections.receiveCredential(
                connection.id(),
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token),
                new CredentialSource("the console tests", null),
                Actor.system());
    }

    private static List<SyncRun> awaitFinished(SyncEngine engine, List<SyncRun> queued) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<SyncRun> runs = queued.stream().map(r -> engine.run(r.id())).toList();
            if (runs.stream().noneMatch(r -> r.state().active())) {
                assertThat(runs)
                        .allSatisfy(r -> assertThat(r.state()).as(r.toString()).isEqualTo(RunState.SUCCEEDED));
                return runs;
            }
            assertThat(System.nanoTime())
                    .as("runs finish within 2 minutes: " + runs)
                    .isLessThan(deadline);
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
