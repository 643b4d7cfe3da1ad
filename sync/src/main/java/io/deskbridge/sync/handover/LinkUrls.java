package io.deskbridge.sync.handover;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where the Zendesk admin opens a link: {@code sync.handover.public-url}, else this request's own origin. */
final class LinkUrls {

    static final String PATH = "/handover/";

    private LinkUrls() {}

    /** Where the account sends the admin back after its consent page; registered on the OAuth client. */
    static final String CALLBACK_PATH = PATH + "oauth/callback";

    static String of(String token, HandoverProperties properties) {
        return base(properties) + PATH + token;
    }

    /** The OAuth redirect URL: the same for every link, so one client serves every link of an account. */
    static String callback(HandoverProperties properties) {
        return base(properties) + CALLBACK_PATH;
    }

    private static String base(HandoverProperties properties) {
        return properties.publicUrl() != null
                ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
