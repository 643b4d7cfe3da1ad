package io.deskbridge.sync.handover;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where the Zendesk admin opens a link: {@code sync.handover.public-url}, else this request's own origin. */
final class LinkUrls {

    static final String PATH = "/handover/";

    private LinkUrls() {}

    static String of(String token, HandoverProperties properties) {
        String base = properties.publicUrl() != null
                ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return base + PATH + token;
    }
}
