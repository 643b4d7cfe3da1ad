package io.deskbridge.desk.apiaccess;

/**
 * A change to the API configuration; null components stay as they are. {@code allowNeverExpiring}
 * true clears the maximum lifetime.
 */
public record ApiAccessUpdate(
        Boolean tokenAccess,
        Boolean passwordAccess,
        Integer tokenMaxLifetimeDays,
        Boolean allowNeverExpiring,
        Integer tokenIdleDays,
        Integer tokenRetentionDays) {

    public static ApiAccessUpdate switches(boolean tokenAccess, boolean passwordAccess) {
        return new ApiAccessUpdate(tokenAccess, passwordAccess, null, null, null, null);
    }
}
