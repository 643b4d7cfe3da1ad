package io.deskbridge.sync.handover;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.CredentialSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credential request links. Opening a link does not use it up (mail scanners and chat previews open
 * links too); submitting credentials does. A connection has at most one open link: creating one
 * revokes the older ones.
 */
@Service
public class RequestLinks {

    private final RequestLinkRepository repository;
    private final Connections connections;
    private final AuditLog audit;
    private final HandoverProperties properties;
    private final Clock clock;

    RequestLinks(
            RequestLinkRepository repository,
            Connections connections,
            AuditLog audit,
            HandoverProperties properties,
            Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new link for the connection, open for {@code sync.handover.link-lifetime}.
     *
     * @throws io.deskbridge.sync.connection.ConnectionNotFoundException when there is no such connection
     */
    @Transactional
    public IssuedRequestLink create(long connectionId, Actor operator) {
        Connection connection = connections.get(connectionId);
        Instant now = now();
        for (Long revoked : repository.revokeOpen(connectionId, now)) {
            audit.record(
                    AuditEvent.REQUEST_LINK_REVOKED,
                    operator,
                    connectionId,
                    revoked,
                    "Revoked request link " + revoked + " for the connection " + connection.name()
                            + ": a newer link replaces it");
        }
        String token = LinkTokens.generate();
        Instant expiresAt = now.plus(properties.linkLifetime());
        long id = repository.insert(connectionId, LinkTokens.hash(token), operator.name(), now, expiresAt);
        audit.record(
                AuditEvent.REQUEST_LINK_CREATED,
                operator,
                connectionId,
                id,
                "Created request link " + id + " for the connection " + connection.name() + " (" + connection.address()
                        + "), open until " + expiresAt);
        return new IssuedRequestLink(repository.find(id).orElseThrow(), token);
    }

    /** The connection's links, newest first. */
    @Transactional(readOnly = true)
    public List<RequestLink> forConnection(long connectionId) {
        connections.get(connectionId);
        return repository.forConnection(connectionId);
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The link a token opens, without recording anything. */
    @Transactional(readOnly = true)
    Optional<LinkVisit> peek(String token) {
        Instant now = now();
        return repository
                .findByTokenHash(LinkTokens.hash(token))
                .map(link -> new LinkVisit(link.status(now), link, connections.get(link.connectionId()), false));
    }

    /** Someone opened the link: audited, and an alarm when the link was already used. */
    @Transactional
    Optional<LinkVisit> visit(String token, Actor visitor) {
        Optional<LinkVisit> visit = peek(token);
        visit.ifPresent(v -> auditVisit(v, visitor, "opened"));
        return visit;
    }

    /**
     * Hands {@code credential} over to the link's connection if the link is still open, and uses the
     * link up, in one transaction. Otherwise records the attempt and changes nothing.
     */
    @Transactional
    Optional<LinkVisit> redeem(String token, Credential credential, Actor visitor) {
        Optional<RequestLink> found = repository.findByTokenHash(LinkTokens.hash(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RequestLink link = found.get();
        Instant now = now();
        if (repository.claim(link.id(), visitor.ipAddress(), now)) {
            Connection updated = connections.receiveCredential(
                    link.connectionId(),
                    credential,
                    new CredentialSource("request link " + link.id(), link.id()),
                    visitor.asZendeskAdmin(
                            credential.identity() == null ? "a Zendesk admin (OAuth tokens)" : credential.identity()));
            return Optional.of(
                    new LinkVisit(LinkStatus.OPEN, repository.find(link.id()).orElseThrow(), updated, true));
        }
        RequestLink current = repository.find(link.id()).orElseThrow();
        LinkStatus status = current.status(now) == LinkStatus.OPEN ? LinkStatus.USED : current.status(now);
        LinkVisit visit = new LinkVisit(status, current, connections.get(current.connectionId()), false);
        auditVisit(visit, visitor, "submitted credentials to");
        return Optional.of(visit);
    }

    private void auditVisit(LinkVisit visit, Actor visitor, String did) {
        RequestLink link = visit.link();
        String subject = "Someone " + did + " request link " + link.id() + " for the connection "
                + visit.connection().name();
        switch (visit.status()) {
            case OPEN -> {
                if (did.equals("opened")) {
                    audit.record(AuditEvent.REQUEST_LINK_OPENED, visitor, link.connectionId(), link.id(), subject);
                }
            }
            case USED ->
                audit.record(
                        AuditEvent.REQUEST_LINK_REUSE_ATTEMPTED,
                        visitor,
                        link.connectionId(),
                        link.id(),
                        subject + " after credentials were submitted through it at " + link.usedAt() + " from "
                                + link.usedFromIp()
                                + ": if the Zendesk admin did not do both, someone else had the link; deactivate "
                                + "the token in Zendesk and send a new link");
            case EXPIRED ->
                audit.record(
                        AuditEvent.REQUEST_LINK_EXPIRED_OPENED,
                        visitor,
                        link.connectionId(),
                        link.id(),
                        subject + " after it expired at " + link.expiresAt());
            case REVOKED ->
                audit.record(
                        AuditEvent.REQUEST_LINK_REVOKED_OPENED,
                        visitor,
                        link.connectionId(),
                        link.id(),
                        subject + " after a newer link replaced it");
        }
    }
}
