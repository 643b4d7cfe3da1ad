package io.deskbridge.desk.customfield;

/** An option as sent: {@code id} names an existing option to keep or update. */
record OptionWrite(Long id, String name, String value, Integer position) {}
