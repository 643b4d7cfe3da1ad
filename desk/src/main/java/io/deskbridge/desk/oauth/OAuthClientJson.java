package io.deskbridge.desk.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A client in Zendesk's {@code OAuthClientObject} shape. {@code secret} appears only in the
 * responses of create and generate_secret (Zendesk: "returned in full only at that time"); desk
 * keeps no readable copy to show a truncated form later. {@code global} is always false: desk has no
 * global clients. Fields without a value are left out rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OAuthClientJson(
        long id,
        String url,
        String name,
        String identifier,
        String company,
        String description,
        String kind,
        List<String> redirectUri,
        String secret,
        long userId,
        boolean global,
        Instant createdAt,
        Instant updatedAt) {

    static OAuthClientJson of(OAuthClient c, String baseUrl, String secret) {
        return new OAuthClientJson(
                c.id(),
                baseUrl + "/api/v2/oauth/clients/" + c.id() + ".json",
                c.name(),
                c.identifier(),
                c.company(),
                c.description(),
                c.kind().wireName(),
                c.redirectUris(),
                secret,
                c.userId(),
                false,
                c.createdAt(),
                c.updatedAt());
    }

    /** {@code {"client": {...}}}. */
    record One(OAuthClientJson client) {}

    /**
     * {@code {"clients": [...], "next_page": null, "previous_page": null, "count": n}}. Decision: one
     * page with every client (an account has a handful), in Zendesk's offset-pagination envelope.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Many(List<OAuthClientJson> clients, String nextPage, String previousPage, long count) {}

    /** The body of create and update: {@code {"client": {...}}}. */
    record Body(Fields client) {}

    /** Writable fields; absent ones are null. */
    record Fields(
            String name,
            String identifier,
            String company,
            String description,
            String kind,
            List<String> redirectUri) {}
}
