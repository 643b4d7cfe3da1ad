package io.deskbridge.desk.user;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The identity types Zendesk's {@code UserIdentityObject.type} lists. */
public enum IdentityType {
    EMAIL,
    TWITTER,
    FACEBOOK,
    GOOGLE,
    PHONE_NUMBER,
    AGENT_FORWARDING,
    ANY_CHANNEL,
    FOREIGN,
    SDK,
    MESSAGING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(IdentityType::wireName).toList();
    }
}
