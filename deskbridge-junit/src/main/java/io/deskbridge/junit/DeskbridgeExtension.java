package io.deskbridge.junit;

import io.deskbridge.desk.apitoken.TokenFormat;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** See {@link DeskbridgeTest}. */
public final class DeskbridgeExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DeskbridgeExtension.class);

    /** Snapshots of one run are never taken for another's (a desk at a URL outlives runs). */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    /** The desk of this test JVM: started (or connected to) once, closed when the JVM's tests end. */
    private record Shared(Deskbridge desk, AutoCloseable process) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (process != null) {
                process.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Deskbridge desk = desk(context);
        desk.clearFaults();
        List<String> fixtures = new ArrayList<>();
        context.getTestClass().ifPresent(type -> fixtures.addAll(fixturesOf(type)));
        context.getTestMethod().ifPresent(method -> fixtures.addAll(fixturesOf(method)));
        if (fixtures.isEmpty()) {
            desk.reset();
            return;
        }
        // A set of fixtures is loaded once and then restored from its snapshot: far faster than loading.
        String snapshot = "junit_" + hash(RUN + "\n" + String.join("\n", fixtures));
        if (desk.hasSnapshot(snapshot)) {
            desk.restoreSnapshot(snapshot);
            return;
        }
        desk.reset();
        fixtures.forEach(desk::loadFixtureResource);
        desk.saveSnapshot(snapshot);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Deskbridge.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return desk(context);
    }

    private static Deskbridge desk(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Shared.class, type -> start(), Shared.class)
                .desk();
    }

    private static Shared start() {
        Optional<String> url =
                Optional.ofNullable(System.getProperty("deskbridge.url")).filter(u -> !u.isBlank());
        String token = TokenFormat.generate();
        Deskbridge desk;
        AutoCloseable process;
        if (url.isPresent()) {
            String key = required("deskbridge.key");
            String email = required("deskbridge.admin-email");
            desk = new Deskbridge(url.get().replaceAll("/+$", ""), email, token, key);
            process = null;
        } else {
            InProcessDesk started = InProcessDesk.start();
            desk = new Deskbridge(started.baseUrl(), InProcessDesk.OWNER_EMAIL, token, started.key());
            process = started;
        }
        // The owner's token for the tests; a reset keeps it (it keeps the owner's tokens).
        desk.loadFixture("{\"api_token_access\":true,\"api_tokens\":[{\"email\":\"" + desk.adminEmail()
                + "\",\"value\":\"" + token + "\",\"description\":\"deskbridge-junit\"}]}");
        return new Shared(desk, process);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "deskbridge.url is set, so -D" + property + " must be too (see @DeskbridgeTest)");
        }
        return value;
    }

    private static List<String> fixturesOf(AnnotatedElement element) {
        DeskFixture fixture = element.getAnnotation(DeskFixture.class);
        return fixture == null ? List.of() : List.of(fixture.value());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
