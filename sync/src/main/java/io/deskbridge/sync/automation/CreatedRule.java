package io.deskbridge.sync.automation;

/**
 * A new rule and its notification signing secret, shown this once (sync keeps it sealed): the
 * endpoint verifies {@code X-Deskbridge-Signature} with it.
 */
public record CreatedRule(Rule rule, String signingSecret) {}
