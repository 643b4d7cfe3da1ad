package io.deskbridge.sync.cli;

/**
 * The CLI's exit codes, for scripts. Decided: 2 is reserved for "sync did not answer" (as the brief
 * asks), so invalid command lines get 64 (EX_USAGE from sysexits.h) instead of picocli's default 2.
 */
final class ExitCodes {

    /** Done; for {@code connections test}, the verdict was pass or warn. */
    static final int OK = 0;

    /** sync refused (an API error), a followed run failed, the diagnostics verdict was fail, or no password. */
    static final int FAILED = 1;

    /** sync did not answer at the URL (refused, timed out, unknown host) or answered with something else. */
    static final int UNREACHABLE = 2;

    /** A followed run stopped without finishing because its connection was paused. */
    static final int PAUSED = 3;

    /** The command line is invalid (unknown command or option, missing parameter). */
    static final int USAGE = 64;

    private ExitCodes() {}
}
