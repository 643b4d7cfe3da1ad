package io.deskbridge.sync.diagnostics;

import java.util.List;

/**
 * One check of the {@link Checklist}: decides one {@link CheckKey} from the run so far, sending what
 * requests it needs through {@link ChecklistRun#get}.
 */
interface ChecklistStep {

    CheckKey key();

    /**
     * The checks that must have passed for this one to mean anything; when one did not, the checklist
     * skips this check with that check's {@link #blocks()} reason instead of running it.
     */
    default List<CheckKey> requires() {
        return List.of();
    }

    /** Why the checks that require this one are skipped when it does not pass. */
    default String blocks() {
        return "the " + key().wireName() + " check did not pass";
    }

    Check check(ChecklistRun run);
}
