package io.deskbridge.desk.leakreport;

/** One entry of GitHub's feedback format: the value's SHA-256 (hex), its reported type, the label. */
record LeakReportResult(String tokenHash, String tokenType, String label) {

    static final String TRUE_POSITIVE = "true_positive";
    static final String FALSE_POSITIVE = "false_positive";
}
