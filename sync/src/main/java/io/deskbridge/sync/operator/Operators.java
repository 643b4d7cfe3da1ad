package io.deskbridge.sync.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operator accounts: creation and password checks. */
@Service
public class Operators {

    private final OperatorRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /** A real hash of a random string, so unknown emails cost as much to check as known ones. */
    private final String dummyHash;

    Operators(OperatorRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    @Transactional
    public OperatorPrincipal create(String email, String rawPassword) {
        long id = repository.insert(email.strip(), passwordEncoder.encode(rawPassword), Instant.now(clock));
        return new OperatorPrincipal(id, email.strip());
    }

    /** The operator when the password matches, in time that does not depend on whether the email exists. */
    @Transactional(readOnly = true)
    public Optional<OperatorPrincipal> authenticate(String email, String rawPassword) {
        Optional<OperatorRepository.Row> row = repository.findByEmail(email);
        boolean matches = passwordEncoder.matches(
                rawPassword, row.map(OperatorRepository.Row::passwordHash).orElse(dummyHash));
        return row.filter(r -> matches).map(r -> new OperatorPrincipal(r.id(), r.email()));
    }
}
