package io.deskbridge.desk.apitoken;

/** A token together with its value: returned once, by create and rotate, and never again. */
public record IssuedToken(ApiToken token, String value) {

    @Override
    public String toString() {
        return "IssuedToken[token=" + token + ", value=<redacted>]";
    }
}
