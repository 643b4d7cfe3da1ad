package io.deskbridge.sync.automation;

/** Where a ledger entry stands. */
enum LedgerState {
    /** Decided; its actions are being carried out (or will be at {@code next_attempt_at}). */
    PENDING,
    /** Every action ended (each with its own outcome). */
    DONE
}
