package io.deskbridge.desk.apitoken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256(pepper, token): what desk stores and looks tokens up by. A fast keyed hash is right
 * here: tokens carry ~190 bits of entropy, so a slow KDF would add cost to every request and no
 * security; the pepper (kept out of the database) makes a stolen database useless for guessing.
 */
@Component
public class TokenHasher {

    private static final Logger log = LoggerFactory.getLogger(TokenHasher.class);
    static final int MIN_PEPPER_BYTES = 32;

    /** Current version first, then older ones. */
    private final Map<Integer, SecretKeySpec> peppers = new LinkedHashMap<>();

    private final int currentVersion;
    private final ThreadLocal<Map<Integer, Mac>> macs = ThreadLocal.withInitial(LinkedHashMap::new);

    /** The current pepper's {@link Mac} of each thread: the hot path skips the map and its boxing. */
    private final ThreadLocal<Mac> currentMac = ThreadLocal.withInitial(() -> newMac(peppers.get(currentVersion())));

    @Autowired
    TokenHasher(ApiTokenProperties properties, @Value("${desk.data-dir}") Path dataDir) {
        this.currentVersion = properties.pepperVersion();
        byte[] current = properties.pepper() == null || properties.pepper().isBlank()
                ? fileBacked(dataDir.resolve("token-pepper"))
                : decode("desk.tokens.pepper (DESK_TOKEN_PEPPER)", properties.pepper());
        peppers.put(currentVersion, new SecretKeySpec(current, "HmacSHA256"));
        properties.previousPeppers().forEach((version, value) -> {
            if (version == currentVersion) {
                throw new IllegalStateException("desk.tokens.previous-peppers." + version
                        + " has the same version as desk.tokens.pepper-version; give the new pepper a higher version");
            }
            peppers.put(
                    version, new SecretKeySpec(decode("desk.tokens.previous-peppers." + version, value), "HmacSHA256"));
        });
    }

    /** Builds a hasher from raw pepper bytes (benchmarks and tests). */
    public static TokenHasher of(byte[] pepper) {
        return new TokenHasher(pepper);
    }

    private TokenHasher(byte[] pepper) {
        this.currentVersion = 1;
        peppers.put(1, new SecretKeySpec(pepper, "HmacSHA256"));
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** The hash under the current pepper (64 hex characters). */
    public String hash(String token) {
        return hash(currentVersion, token);
    }

    /** Hashes under every known pepper, current first: what a lookup tries. */
    public List<String> candidateHashes(String token) {
        List<String> hashes = new ArrayList<>(peppers.size());
        for (Integer version : peppers.keySet()) {
            hashes.add(hash(version, token));
        }
        return hashes;
    }

    /**
     * The versions of the peppers, current first (what {@link #digest(int, byte[])} takes).
     */
    public List<Integer> versions() {
        return List.copyOf(peppers.keySet());
    }

    /**
     * HMAC-SHA256 of the token's ASCII bytes under one pepper, as raw bytes: the token verifier's cache
     * key, without the hex string {@link #hash(String)} makes for the database.
     */
    public byte[] digest(int version, byte[] tokenAscii) {
        Mac mac = version == currentVersion
                ? currentMac.get()
                : macs.get().computeIfAbsent(version, v -> newMac(peppers.get(v)));
        return mac.doFinal(tokenAscii);
    }

    String hash(int version, String token) {
        Mac mac = macs.get().computeIfAbsent(version, v -> newMac(peppers.get(v)));
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] decode(String property, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (bytes.length < MIN_PEPPER_BYTES) {
            throw new IllegalStateException(property + " decodes to " + bytes.length + " bytes; it needs at least "
                    + MIN_PEPPER_BYTES + " random bytes (generate one with: openssl rand -base64 32)");
        }
        return bytes;
    }

    private static byte[] fileBacked(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[MIN_PEPPER_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    log.info("Generated the token pepper into {} (owner read/write only)", file.toAbsolutePath());
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // fall through and read what the other process wrote
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                }
            }
            return decode("the pepper file " + file.toAbsolutePath(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the token pepper file " + file.toAbsolutePath()
                            + "; set desk.tokens.pepper (DESK_TOKEN_PEPPER) or make desk.data-dir writable",
                    e);
        }
    }
}
