/**
 * desk as a test double for integration suites (issue 15): the {@code /_desk/} API to reset the
 * account, load fixtures, save and restore snapshots, and inject faults. Off unless
 * {@code desk.test-double.enabled=true}; while off, every {@code /_desk/} path is a 404.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Who may call it: an admin (the account owner among them) with the API's own credentials
 *       (token, password where allowed, OAuth), or anyone holding {@code desk.test-double.key} in
 *       {@code X-Desk-Test-Double-Key}. Sessions of the Admin Center are not accepted, so no page can
 *       be tricked into resetting the account (no CSRF surface).
 *   <li>Reset restores the snapshot {@code fresh} taken when desk became ready; the API access
 *       settings and the tokens of surviving users (the owner's) stay, so a suite keeps its credentials.
 *   <li>Snapshots are tables in the same schema ({@code dsnap_<name>__<table>}), copied with
 *       {@code INSERT .. SELECT}: no rows travel through Java, same SQL on H2 and PostgreSQL. On H2 a
 *       restore of the snapshot saved or restored last skips the tables whose modification mark has
 *       not moved since (a suite that restores before each test pays for what its last test wrote).
 *   <li>Faults answer before authentication, like a failing Zendesk edge; they live in the memory of
 *       the instance that was told, and each one injected is logged and listed at {@code GET /_desk/faults}.
 *   <li>Every change made through {@code /_desk/} is in the audit log ({@code test_double.*} events),
 *       and the one a reset wipes is written after it.
 * </ul>
 */
package io.deskbridge.desk.testdouble;
