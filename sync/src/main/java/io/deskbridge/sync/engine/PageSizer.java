package io.deskbridge.sync.engine;

import java.util.Arrays;

/**
 * The adaptive page size: a failed page (5xx, timeout, no answer) is retried one step smaller (1000
 * → 500 → 100 for the default size), so one oversized page that always times out cannot stall the
 * stream. Decision: after {@link #STEP_UP_AFTER} good pages at a smaller size it steps back up one,
 * so a passing hiccup does not leave the stream at a tenth of its speed.
 */
final class PageSizer {

    static final int STEP_UP_AFTER = 5;

    private final int[] ladder;
    private int level;
    private int successes;

    PageSizer(int max) {
        this.ladder = Arrays.stream(new int[] {max, max / 2, max / 10})
                .map(size -> Math.max(1, size))
                .distinct()
                .toArray();
    }

    int current() {
        return ladder[level];
    }

    void failed() {
        successes = 0;
        if (level < ladder.length - 1) {
            level++;
        }
    }

    void succeeded() {
        if (level > 0 && ++successes >= STEP_UP_AFTER) {
            level--;
            successes = 0;
        }
    }
}
