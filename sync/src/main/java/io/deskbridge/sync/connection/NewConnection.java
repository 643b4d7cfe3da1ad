package io.deskbridge.sync.connection;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an operator gives to create a connection: a name and an address in any form {@code address} accepts. */
public record NewConnection(
        @Schema(description = "What operators call it", example = "Acme support")
        String name,

        @Schema(
                description = "The Zendesk account: acme, acme.zendesk.com, https://help.acme.com, or "
                        + "http://127.0.0.1:8080 for a desk on this machine",
                example = "acme")
        String address) {}
