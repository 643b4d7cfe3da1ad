package io.deskbridge.desk.oauth;

import java.util.List;

/** Fields of a create or update; on update a null field stays as it is. */
public record OAuthClientRequest(
        String name,
        String identifier,
        String company,
        String description,
        OAuthClientKind kind,
        List<String> redirectUris) {}
