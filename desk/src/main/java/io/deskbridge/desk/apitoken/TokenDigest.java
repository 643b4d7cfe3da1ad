package io.deskbridge.desk.apitoken;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A token's HMAC under one pepper ({@link TokenHasher#digest}), as raw bytes: the key of the
 * verifiers' in-process caches (API tokens and OAuth access tokens), never the token itself. The
 * hex form the database stores is made only on a cache miss; an HMAC output is uniformly random, so
 * its first bytes make a good hash code. Equality is a constant-time comparison.
 */
public final class TokenDigest {

    private final byte[] bytes;
    private final int hash;

    /** Takes the array as it is (no copy: this is the per-request path); do not change it afterwards. */
    public TokenDigest(byte[] bytes) {
        if (bytes.length < 4) {
            throw new IllegalArgumentException("a digest has at least 4 bytes, got " + bytes.length);
        }
        this.bytes = bytes;
        this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    /** The digest of a stored hex hash (what the database holds). */
    public static TokenDigest ofHex(String hex) {
        return new TokenDigest(HexFormat.of().parseHex(hex));
    }

    /** The hex form, as the database stores it. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenDigest d && MessageDigest.isEqual(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
