package io.deskbridge.desk.audit;

import io.deskbridge.common.net.IpAddresses;

/**
 * Who made a change and from where: a signed-in user, or desk itself for automatic actions.
 *
 * @param userId null for desk itself
 * @param ipAddress null for desk itself
 */
public record Actor(Long userId, String name, String ipAddress) {

    /** Addresses are kept in one written form ({@code ::1}, never {@code 0:0:0:0:0:0:0:1}). */
    public Actor {
        ipAddress = IpAddresses.canonical(ipAddress);
    }

    public static final String SYSTEM_NAME = "Deskbridge (automatic)";

    public static Actor system() {
        return new Actor(null, SYSTEM_NAME, null);
    }

    public static Actor user(long userId, String name, String ipAddress) {
        return new Actor(userId, name, ipAddress);
    }
}
