package io.deskbridge.desk.apiaccess;

import java.time.Instant;

/**
 * Admin Center → Apps and integrations → APIs → API configuration, plus the token policy desk adds.
 *
 * @param tokenAccess "Allow API token access"; off means every token is refused
 * @param passwordAccess "Allow password access" (Basic email:password on the API)
 * @param tokenMaxLifetimeDays the longest expiry a new token may have; null allows "never"
 * @param tokenIdleDays tokens unused this long are deactivated; 0 turns that off
 * @param tokenRetentionDays deactivated tokens are deleted after this long
 */
public record ApiAccessSettings(
        boolean tokenAccess,
        boolean passwordAccess,
        Integer tokenMaxLifetimeDays,
        int tokenIdleDays,
        int tokenRetentionDays,
        Instant updatedAt) {

    public boolean allowsNeverExpiringTokens() {
        return tokenMaxLifetimeDays == null;
    }
}
