package io.deskbridge.desk.leakreport;

/** One match in a GitHub secret-scanning report. */
record ReportedSecret(String token, String type, String url, String source) {}
