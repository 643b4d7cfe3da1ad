package io.deskbridge.sync.handover;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.CredentialSource;
import io.deskbridge.sync.vault.Vault;
import java.nio.charset.StandardCharsets;
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

    static final int MAX_CLIENT_ID_LENGTH = 255;
    static final int MAX_SCOPE_LENGTH = 512;

    private final RequestLinkRepository repository;
    private final OAuthHandoverRepository oauth;
    private final Vault vault;
    private final Connections connections;
    private final AuditLog audit;
    private final HandoverProperties properties;
    private final Clock clock;

    RequestLinks(
            RequestLinkRepository repository,
            OAuthHandoverRepository oauth,
            Vault vault,
            Connections connections,
            AuditLog audit,
            HandoverProperties properties,
            Clock clock) {
        this.repository = repository;
        this.oauth = oauth;
        this.vault = vault;
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
        return create(connectionId, null, operator);
    }

    /**
     * A new link, as {@link #create(long, Actor)}; with {@code client}, the page also offers "Connect
     * with Zendesk" for that OAuth client (its secret sealed for the link).
     *
     * @throws RecordInvalidException naming the {@code oauth_client} field and the rule it broke
     */
    @Transactional
    public IssuedRequestLink create(long connectionId, LinkOAuthClient client, Actor operator) {
        LinkOAuthClient checked = client == null ? null : checked(client);
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
        if (checked != null) {
            oauth.insertClient(
                    id,
                    checked.clientId(),
                    checked.scope(),
                    checked.clientSecret() == null
                            ? null
                            : vault.seal(
                                    checked.clientSecret().getBytes(StandardCharsets.UTF_8),
                                    ConnectWithZendesk.clientBinding(id)));
        }
        audit.record(
                AuditEvent.REQUEST_LINK_CREATED,
                operator,
                connectionId,
                id,
                "Created request link " + id + " for the connection " + connection.name() + " (" + connection.address()
                        + "), open until " + expiresAt
                        + (checked == null
                                ? ""
                                : ", offering Connect with Zendesk for the "
                                        + (checked.clientSecret() == null ? "public" : "confidential")
                                        + " OAuth client " + checked.clientId() + " (scope \"" + checked.scope()
                                        + "\")"));
        return new IssuedRequestLink(repository.find(id).orElseThrow(), token);
    }

    /** The OAuth client's identifier when the link offers "Connect with Zendesk". */
    @Transactional(readOnly = true)
    public Optional<String> oauthClientId(long linkId) {
        return oauth.client(linkId).map(OAuthHandoverRepository.StoredClient::clientId);
    }

    private static LinkOAuthClient checked(LinkOAuthClient client) {
        String clientId = client.clientId() == null ? "" : client.clientId().strip();
        if (clientId.isEmpty()) {
            throw new RecordInvalidException(
                    "oauth_client.identifier",
                    "BlankValue",
                    "OAuth client identifier: cannot be blank; copy the client's unique identifier from the"
                            + " account's Admin Center → Apps and integrations → APIs → OAuth clients");
        }
        if (clientId.length() > MAX_CLIENT_ID_LENGTH || !clientId.matches("[\\x21-\\x7e]+")) {
            throw new RecordInvalidException(
                    "oauth_client.identifier",
                    "InvalidValue",
                    "OAuth client identifier: must be one word of at most " + MAX_CLIENT_ID_LENGTH
                            + " printable ASCII characters, without spaces");
        }
        String secret = client.clientSecret() == null || client.clientSecret().isBlank()
                ? null
                : client.clientSecret().strip();
        if (secret != null && (secret.length() > HandoverPage.MAX_TOKEN_LENGTH || !secret.matches("[\\x21-\\x7e]+"))) {
            throw new RecordInvalidException(
                    "oauth_client.secret",
                    "InvalidValue",
                    "OAuth client secret: must be one word of at most " + HandoverPage.MAX_TOKEN_LENGTH
                            + " printable ASCII characters, without spaces; copy it again (leave it out for a"
                            + " public client)");
        }
        String scope = client.scope() == null || client.scope().isBlank()
                ? LinkOAuthClient.DEFAULT_SCOPE
                : client.scope().strip().replaceAll("\\s+", " ");
        if (scope.length() > MAX_SCOPE_LENGTH || !scope.matches("[A-Za-z0-9_:.-]+( [A-Za-z0-9_:.-]+)*")) {
            throw new RecordInvalidException(
                    "oauth_client.scope",
                    "InvalidValue",
                    "OAuth scope: must be scopes separated by spaces, such as \"read write\" or \"tickets:read"
                            + " users:read\", at most " + MAX_SCOPE_LENGTH + " characters");
        }
        return new LinkOAuthClient(clientId, secret, scope);
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
        return repository.findByTokenHash(LinkTokens.hash(token)).map(link -> redeem(link, credential, visitor));
    }

    /** {@link #redeem(String, Credential, Actor)} for a link found by id ("Connect with Zendesk"). */
    @Transactional
    LinkVisit redeemLink(long linkId, Credential credential, Actor visitor) {
        return redeem(repository.find(linkId).orElseThrow(), credential, visitor);
    }

    /** The link with that id (it exists: the caller holds a row that references it). */
    @Transactional(readOnly = true)
    RequestLink link(long linkId) {
        return repository.find(linkId).orElseThrow();
    }

    @Transactional(readOnly = true)
    Connection connectionOf(RequestLink link) {
        return connections.get(link.connectionId());
    }

    /** Someone came back to a link that is no longer open: audited like opening it. */
    @Transactional
    LinkVisit visitById(long linkId, Actor visitor) {
        RequestLink link = repository.find(linkId).orElseThrow();
        LinkVisit visit = new LinkVisit(link.status(now()), link, connections.get(link.connectionId()), false);
        auditVisit(visit, visitor, "came back from Connect with Zendesk to");
        return visit;
    }

    private LinkVisit redeem(RequestLink link, Credential credential, Actor visitor) {
        Instant now = now();
        if (repository.claim(link.id(), visitor.ipAddress(), now)) {
            Connection updated = connections.receiveCredential(
                    link.connectionId(),
                    credential,
                    new CredentialSource("request link " + link.id(), link.id()),
                    visitor.asZendeskAdmin(
                            credential.identity() == null ? "a Zendesk admin (OAuth tokens)" : credential.identity()));
            return new LinkVisit(LinkStatus.OPEN, repository.find(link.id()).orElseThrow(), updated, true);
        }
        RequestLink current = repository.find(link.id()).orElseThrow();
        LinkStatus status = current.status(now) == LinkStatus.OPEN ? LinkStatus.USED : current.status(now);
        LinkVisit visit = new LinkVisit(status, current, connections.get(current.connectionId()), false);
        auditVisit(visit, visitor, "submitted credentials to");
        return visit;
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
