package io.deskbridge.sync.handover;

/** A link just created: the only time its token exists outside the admin's browser. */
public record IssuedRequestLink(RequestLink link, String token) {

    @Override
    public String toString() {
        return "IssuedRequestLink[link=" + link + ", token=(secret)]";
    }
}
