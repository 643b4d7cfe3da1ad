package io.deskbridge.sync.migration;

import io.deskbridge.sync.connection.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A token connection's risk from what is known about its token, at an instant (the injected clock's now). */
final class Risks {

    private Risks() {}

    static MigrationRisk assess(Connection connection, TokenStanding standing, Instant now) {
        AdminCenter adminCenter = AdminCenter.of(connection.address());
        boolean cloud = connection.address().zendeskCloud();
        Long daysToCutoff = cloud ? Retirement.daysTo(Retirement.TOKENS_STOP, now) : null;
        Instant idle =
                standing.lastUsedAt() == null ? null : standing.lastUsedAt().plus(Retirement.IDLE_DEACTIVATION);
        Long daysToIdle = idle == null ? null : Retirement.daysTo(idle, now);
        Long daysToExpiry = standing.expiresAt() == null ? null : Retirement.daysTo(standing.expiresAt(), now);
        Long daysLeft = Stream.of(daysToCutoff, daysToIdle, daysToExpiry)
                .filter(Objects::nonNull)
                .min(Long::compare)
                .orElse(null);
        List<String> notes = new ArrayList<>();
        if (cloud) {
            notes.add(
                    daysToCutoff > 0
                            ? "Zendesk turns off every API token on " + Retirement.TOKENS_STOP + " (in " + daysToCutoff
                                    + " days) and issues no new ones since " + Retirement.NO_NEW_TOKENS_FROM
                                    + ": a lost or deactivated token cannot be replaced by another token."
                            : "Zendesk turned off every API token on " + Retirement.TOKENS_STOP
                                    + ": the connection cannot sync until it uses OAuth.");
        } else {
            notes.add("Not a Zendesk account: Zendesk's cut-off of " + Retirement.TOKENS_STOP
                    + " does not apply; the token's own expiry does.");
        }
        notes.add(standing.note());
        if (idle != null) {
            notes.add("Unused for 30 days, the token is deactivated on " + idle + " (in " + daysToIdle
                    + " days); every sync run moves that date.");
        }
        return new MigrationRisk(
                connection.id(),
                connection.name(),
                connection.address().toString(),
                cloud,
                connection.authIdentity(),
                cloud ? Retirement.TOKENS_STOP : null,
                daysToCutoff,
                standing.id(),
                standing.lastUsedAt(),
                idle,
                daysToIdle,
                standing.expiresAt(),
                daysToExpiry,
                daysLeft,
                RiskLevel.ofDaysLeft(daysLeft),
                List.copyOf(notes),
                adminCenter.oauthClientSteps(),
                adminCenter.oauthClientsUrl(),
                adminCenter.apiTokenUrl(standing.id()));
    }
}
