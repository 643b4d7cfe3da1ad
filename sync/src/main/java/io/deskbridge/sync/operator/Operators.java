package io.deskbridge.sync.operator;

import io.deskbridge.common.security.PasswordPolicy;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operator accounts: creation, password checks and password changes. */
@Service
public class Operators {

    private final OperatorRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;
    private final VerifiedCredentials verified;
    /** A real hash of a random string, so unknown emails cost as much to check as known ones. */
    private final String dummyHash;

    Operators(
            OperatorRepository repository,
            PasswordEncoder passwordEncoder,
            AuditLog audit,
            Clock clock,
            SignInProperties signIn) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.verified = new VerifiedCredentials(signIn.verifiedCredentialsCache(), clock);
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** What a check of an email and password found. */
    record Check(OperatorPrincipal operator, String operatorEmail) {

        /** The operator signed in as, when the password matched. */
        Optional<OperatorPrincipal> signedIn() {
            return Optional.ofNullable(operator);
        }
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /** Every operator's email, oldest first. */
    @Transactional(readOnly = true)
    public List<String> emails() {
        return repository.findAll().stream().map(OperatorRepository.Row::email).toList();
    }

    @Transactional
    public OperatorPrincipal create(String email, String rawPassword) {
        long id = repository.insert(email.strip(), passwordEncoder.encode(rawPassword), Instant.now(clock));
        return new OperatorPrincipal(id, email.strip());
    }

    /** The operator when the password matches, in time that does not depend on whether the email exists. */
    public Optional<OperatorPrincipal> authenticate(String email, String rawPassword) {
        return check(email, rawPassword).signedIn();
    }

    /**
     * Checks an email and password; a pair verified within the cache's lifetime whose operator still
     * has the same password hash is accepted without bcrypt (see {@link VerifiedCredentials}). Not in a
     * transaction: bcrypt must not hold a database connection.
     */
    Check check(String email, String rawPassword) {
        Optional<VerifiedCredentials.Verified> cached = verified.find(email, rawPassword);
        if (cached.isPresent()) {
            VerifiedCredentials.Verified hit = cached.get();
            Optional<OperatorRepository.Row> current = repository.findById(hit.operatorId());
            if (current.isPresent()
                    && current.get().passwordHash().equals(hit.passwordHash())
                    && sameEmail(current.get().email(), email)) {
                return new Check(
                        new OperatorPrincipal(
                                hit.operatorId(),
                                current.get().email(),
                                OperatorPrincipal.stampOf(current.get().passwordHash())),
                        hit.email());
            }
            verified.forget(email, rawPassword);
        }
        Optional<OperatorRepository.Row> row = repository.findByEmail(email);
        boolean matches = passwordEncoder.matches(
                rawPassword, row.map(OperatorRepository.Row::passwordHash).orElse(dummyHash));
        if (row.isEmpty()) {
            return new Check(null, null);
        }
        OperatorRepository.Row r = row.get();
        if (!matches) {
            return new Check(null, r.email());
        }
        verified.remember(email, rawPassword, new VerifiedCredentials.Verified(r.id(), r.email(), r.passwordHash()));
        return new Check(
                new OperatorPrincipal(r.id(), r.email(), OperatorPrincipal.stampOf(r.passwordHash())), r.email());
    }

    /**
     * Sets a new password for the operator named {@code preferredEmail}, or for the only operator when
     * that email is no operator's; audited. For {@code reset-operator-password}.
     *
     * @throws IllegalStateException when there is no operator, or several and none has that email
     */
    @Transactional
    public String resetPassword(String preferredEmail, String newPassword, Actor actor) {
        List<OperatorRepository.Row> all = repository.findAll();
        OperatorRepository.Row target = all.stream()
                .filter(r -> sameEmail(r.email(), preferredEmail))
                .findFirst()
                .orElseGet(() -> {
                    if (all.size() == 1) {
                        return all.get(0);
                    }
                    throw new IllegalStateException(
                            all.isEmpty()
                                    ? "this database has no operator yet; start sync once to create one"
                                    : "this database has " + all.size() + " operators and none is "
                                            + preferredEmail + "; set SYNC_OPERATOR_EMAIL to the one to reset ("
                                            + String.join(
                                                    ", ",
                                                    all.stream()
                                                            .map(OperatorRepository.Row::email)
                                                            .toList())
                                            + ")");
                });
        repository.updatePassword(target.id(), passwordEncoder.encode(newPassword));
        verified.forgetAll();
        audit.record(
                AuditEvent.OPERATOR_PASSWORD_RESET,
                actor,
                null,
                null,
                "Reset the password of the operator " + target.email() + " from the command line");
        return target.email();
    }

    /**
     * The signed-in operator's own password change: the current password must match and the new one
     * meet {@link PasswordPolicy}; audited. Cached sign-ins with the old password end at once.
     *
     * @return the rule broken, in words for the operator; empty when the password was changed
     */
    @Transactional
    public Optional<String> changePassword(OperatorPrincipal operator, String current, String next, Actor actor) {
        Optional<OperatorRepository.Row> row = repository.findById(operator.id());
        if (row.isEmpty()
                || !passwordEncoder.matches(
                        current == null ? "" : current, row.get().passwordHash())) {
            return Optional.of(WRONG_CURRENT_PASSWORD);
        }
        Optional<String> problem = PasswordPolicy.problemWith(next, row.get().email());
        if (problem.isPresent()) {
            return problem;
        }
        repository.updatePassword(operator.id(), passwordEncoder.encode(next));
        verified.forgetAll();
        audit.record(
                AuditEvent.OPERATOR_PASSWORD_CHANGED,
                actor,
                null,
                null,
                "The operator " + row.get().email() + " changed its password");
        return Optional.empty();
    }

    /**
     * The operator as it stands now, when {@code principal}'s session is still good: the operator exists,
     * has the same email and the password it signed in with. Read on every request of a web session.
     */
    @Transactional(readOnly = true)
    Optional<OperatorPrincipal> current(OperatorPrincipal principal) {
        return repository
                .findById(principal.id())
                .filter(row -> sameEmail(row.email(), principal.email()))
                .map(row -> new OperatorPrincipal(row.id(), row.email(), OperatorPrincipal.stampOf(row.passwordHash())))
                .filter(now -> now.passwordStamp().equals(principal.passwordStamp()));
    }

    /** The operator with its stored password's stamp (after its own password change). */
    @Transactional(readOnly = true)
    Optional<OperatorPrincipal> reload(long id) {
        return repository
                .findById(id)
                .map(row ->
                        new OperatorPrincipal(row.id(), row.email(), OperatorPrincipal.stampOf(row.passwordHash())));
    }

    static final String WRONG_CURRENT_PASSWORD = "The current password is wrong.";

    private static boolean sameEmail(String stored, String given) {
        return given != null
                && stored.strip().toLowerCase(Locale.ROOT).equals(given.strip().toLowerCase(Locale.ROOT));
    }
}
