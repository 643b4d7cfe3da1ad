package io.deskbridge.desk.audit;

/**
 * Who made a change and from where: a signed-in user, or desk itself for automatic actions.
 *
 * @param userId null for desk itself
 * @param ipAddress null for desk itself
 */
public record Actor(Long userId, String name, String ipAddress) {

    public static final String SYSTEM_NAME = "Deskbridge (automatic)";

    public static Actor system() {
        return new Actor(null, SYSTEM_NAME, null);
    }

    public static Actor user(long userId, String name, String ipAddress) {
        return new Actor(userId, name, ipAddress);
    }
}
