package io.deskbridge.sync.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password check and its cache of verified credentials, with a counting encoder instead of bcrypt. */
class OperatorsTests {

    private static final String EMAIL = "operator@deskbridge.test";

    /** Hashes as "hash:" + password and counts every comparison (each would be a bcrypt in production). */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return encoded.equals("hash:" + raw);
        }
    }

    /** The operators table in memory. */
    private static final class StubRepository extends OperatorRepository {
        final Map<Long, Row> rows = new HashMap<>();

        StubRepository() {
            super(null);
        }

        @Override
        Optional<Row> findByEmail(String email) {
            return rows.values().stream()
                    .filter(r -> r.email().equalsIgnoreCase(email.strip()))
                    .findFirst();
        }

        @Override
        Optional<Row> findById(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        List<Row> findAll() {
            return List.copyOf(rows.values());
        }

        @Override
        void updatePassword(long id, String passwordHash) {
            rows.put(id, new Row(id, rows.get(id).email(), passwordHash));
        }
    }

    private final MutableClock clock = new MutableClock();
    private final CountingEncoder encoder = new CountingEncoder();
    private final StubRepository repository = new StubRepository();
    private Operators operators;

    @BeforeEach
    void operatorWithAPassword() {
        repository.rows.put(1L, new OperatorRepository.Row(1, EMAIL, encoder.encode("right-password")));
        operators =
                new Operators(repository, encoder, null, clock, new SignInProperties(10, 30, Duration.ofMinutes(5)));
        encoder.matches.set(0);
    }

    @Nested
    class WithTheCache {

        @Test
        void shouldCheckTheHashOnceForRepeatedSignInsWithTheSamePassword() {
            for (int i = 0; i < 100; i++) {
                assertThat(operators.authenticate(EMAIL, "right-password")).isPresent();
            }

            assertThat(encoder.matches).hasValue(1);
        }

        @Test
        void shouldTreatTheEmailCaseInsensitivelyButThePasswordExactly() {
            operators.authenticate(EMAIL, "right-password");

            assertThat(operators.authenticate(" OPERATOR@deskbridge.test", "right-password"))
                    .map(OperatorPrincipal::email)
                    .contains(EMAIL);
            assertThat(operators.authenticate(EMAIL, "Right-password")).isEmpty();
            assertThat(encoder.matches)
                    .as("the second pair is the cached one; the third is checked")
                    .hasValue(2);
        }

        @Test
        void shouldNeverCacheAWrongPassword() {
            operators.authenticate(EMAIL, "wrong-password");
            operators.authenticate(EMAIL, "wrong-password");

            assertThat(encoder.matches).hasValue(2);
        }

        @Test
        void shouldRefuseACachedPasswordOnceTheStoredHashChangedElsewhere() {
            operators.authenticate(EMAIL, "right-password");
            // As another instance or the reset command would: only the database changes.
            repository.updatePassword(1, encoder.encode("new-password"));

            assertThat(operators.authenticate(EMAIL, "right-password")).isEmpty();
            assertThat(operators.authenticate(EMAIL, "new-password")).isPresent();
        }

        @Test
        void shouldCheckTheHashAgainOnceTheEntryExpired() {
            operators.authenticate(EMAIL, "right-password");
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));

            assertThat(operators.authenticate(EMAIL, "right-password")).isPresent();
            assertThat(encoder.matches).hasValue(2);
        }
    }

    @Test
    void shouldCheckTheHashEveryTimeWhenTheCacheIsOff() {
        Operators uncached =
                new Operators(repository, encoder, null, clock, new SignInProperties(10, 30, Duration.ZERO));
        encoder.matches.set(0);

        uncached.authenticate(EMAIL, "right-password");
        uncached.authenticate(EMAIL, "right-password");

        assertThat(encoder.matches).hasValue(2);
    }
}
