package io.deskbridge.sync.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret the tests issue (token values, passwords), everything the JVM printed (logs go to the
 * console), and every error body received: what the leak scan searches after each test class.
 */
public final class SecretLedger {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> ERROR_BODIES = new CopyOnWriteArrayList<>();
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    static {
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    private SecretLedger() {}

    /** Installs the console capture (idempotent; class loading does the work). */
    public static void install() {}

    public static <T extends CharSequence> T issued(T secret) {
        SECRETS.add(secret.toString());
        return secret;
    }

    public static void errorBody(String body) {
        ERROR_BODIES.add(body);
    }

    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    public static List<String> errorBodies() {
        return List.copyOf(ERROR_BODIES);
    }

    public static String output() {
        synchronized (OUTPUT) {
            return OUTPUT.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream tee(PrintStream original) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (OUTPUT) {
                    OUTPUT.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (OUTPUT) {
                    OUTPUT.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
