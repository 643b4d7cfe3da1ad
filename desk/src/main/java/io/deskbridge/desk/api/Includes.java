package io.deskbridge.desk.api;

import java.util.Arrays;

/** Zendesk's {@code include} parameter: comma-separated sideload names ({@code include=identities,roles}). */
public final class Includes {

    private Includes() {}

    public static boolean has(String include, String name) {
        return include != null
                && Arrays.stream(include.split(",")).map(String::trim).anyMatch(name::equals);
    }
}
