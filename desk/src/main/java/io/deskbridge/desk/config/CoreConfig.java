package io.deskbridge.desk.config;

import io.deskbridge.common.security.DataDirectoryGuard;
import io.deskbridge.desk.testdouble.TestDoubleClock;
import io.deskbridge.desk.testdouble.TestDoubleProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

    /**
     * The one clock of desk; tests replace it to move time (expiry, idle deactivation). With the test
     * double on, a clock that {@code POST /_desk/clock/advance} moves forward.
     */
    @Bean
    Clock clock(TestDoubleProperties testDouble) {
        return testDouble.enabled() ? new TestDoubleClock(Clock.systemUTC()) : Clock.systemUTC();
    }

    /**
     * The data directory ({@code desk.data-dir}) owner-only before anything opens a file in it (static: a
     * bean factory post-processor).
     */
    @Bean
    static DataDirectoryGuard dataDirectoryGuard() {
        return new DataDirectoryGuard("desk.data-dir");
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
