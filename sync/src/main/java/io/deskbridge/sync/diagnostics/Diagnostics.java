package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.ConnectionNotFoundException;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.vault.SecretUnreadableException;
import io.deskbridge.sync.zendesk.ZendeskCallRefusedException;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * "Test connection": runs the checklist against a connection's account and keeps the latest report.
 * Nothing is retried, and a run sends at most nine requests, so testing never spends the account's
 * quota. Reports never contain a secret: the credential's value is removed from every text the server
 * sent back before the report is built.
 */
@Service
public class Diagnostics {

    private static final Logger log = LoggerFactory.getLogger(Diagnostics.class);

    private final Connections connections;
    private final ZendeskHttp http;
    private final DiagnosticsRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    Diagnostics(
            Connections connections, ZendeskHttp http, DiagnosticsRepository repository, AuditLog audit, Clock clock) {
        this.connections = connections;
        this.http = http;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs the checklist now and stores the report as the connection's latest.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     */
    public DiagnosticsReport run(long connectionId, Actor actor) {
        Connection connection = connections.get(connectionId);
        Credential credential = null;
        String problem = null;
        try {
            credential = connections.credential(connectionId).orElse(null);
        } catch (SecretUnreadableException e) {
            problem = e.getMessage();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Subject subject = new Subject(
                connectionId,
                connection.address(),
                connection.state(),
                connection.credentialVersion(),
                connection.credentialsReceivedAt(),
                credential,
                problem,
                repository
                        .authPassedAt(connectionId, connection.credentialVersion())
                        .orElse(null));
        Credential using = credential;
        Exchange exchange = (style, path) -> {
            try {
                return Answer.of(http.send(connection.address(), using, style, "GET", path, null));
            } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
                return Answer.none(e.getMessage());
            }
        };
        Checklist.Outcome outcome = Checklist.run(subject, exchange, now);
        List<Check> checks = redacted(outcome.checks(), credential);
        DiagnosticsReport report =
                new DiagnosticsReport(connectionId, DiagnosticsReport.verdictOf(checks), now, checks);
        repository.save(report, connection.credentialVersion(), outcome.authenticated(), actor.name());
        audit.record(
                AuditEvent.DIAGNOSTICS_RUN,
                actor,
                connectionId,
                null,
                "Tested the connection " + connection.name() + " (credential version "
                        + connection.credentialVersion() + "): "
                        + report.verdict().wireName() + " after "
                        + outcome.requests() + " requests to " + connection.address());
        log.info(
                "Diagnostics of connection {} by {}: {} after {} requests",
                connectionId,
                actor.name(),
                report.verdict().wireName(),
                outcome.requests());
        return report;
    }

    /**
     * What the checklist finds with {@code candidate} instead of the stored credential: the same
     * requests as {@link #run}, to the connection's own address, so a credential is tested before it
     * replaces the one a running sync uses. Stores no report and audits nothing (the caller audits
     * what it does with the answer); the candidate's secrets are scrubbed from the checks like a run's.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     */
    public CredentialTrial trial(long connectionId, Credential candidate) {
        Connection connection = connections.get(connectionId);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Subject subject = new Subject(
                connectionId,
                connection.address(),
                connection.state(),
                connection.credentialVersion(),
                connection.credentialsReceivedAt(),
                candidate,
                null,
                null);
        Exchange exchange = (style, path) -> {
            try {
                return Answer.of(http.send(connection.address(), candidate, style, "GET", path, null));
            } catch (ZendeskUnreachableException | ZendeskCallRefusedException e) {
                return Answer.none(e.getMessage());
            }
        };
        Checklist.Outcome outcome = Checklist.run(subject, exchange, now);
        List<Check> checks = redacted(outcome.checks(), candidate);
        JsonNode user = outcome.user();
        return new CredentialTrial(
                new DiagnosticsReport(connectionId, DiagnosticsReport.verdictOf(checks), now, checks),
                user != null && user.hasNonNull("id") ? user.get("id").asLong() : null,
                Checklist.text(user, "email"),
                Checklist.text(user, "role"));
    }

    /**
     * The connection's latest report, if diagnostics ever ran.
     *
     * @throws ConnectionNotFoundException when there is no such connection
     */
    public Optional<DiagnosticsReport> latest(long connectionId) {
        connections.get(connectionId);
        return repository.latest(connectionId);
    }

    /** A server may echo what it received; the secret must not reach the report through it. */
    private static List<Check> redacted(List<Check> checks, Credential credential) {
        List<String> secrets = new ArrayList<>();
        if (credential instanceof ApiTokenCredential token) {
            secrets.add(token.token());
        } else if (credential instanceof io.deskbridge.sync.connection.OAuthCredential oauth) {
            secrets.add(oauth.accessToken());
            if (oauth.refreshToken() != null) {
                secrets.add(oauth.refreshToken());
            }
            if (oauth.clientSecret() != null) {
                secrets.add(oauth.clientSecret());
            }
        }
        return checks.stream()
                .map(c -> new Check(
                        c.key(), c.title(), c.status(), scrub(c.observed(), secrets), scrub(c.fix(), secrets)))
                .toList();
    }

    private static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "(secret)");
            }
        }
        return out;
    }
}
