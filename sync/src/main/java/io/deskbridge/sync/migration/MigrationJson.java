package io.deskbridge.sync.migration;

import java.util.List;

/** The migration assistant's request and response envelopes. */
final class MigrationJson {

    private MigrationJson() {}

    /** {@code {"risks": [..]}}: every token connection, nearest deadline first. */
    record RisksBody(List<MigrationRisk> risks) {}

    /** {@code {"risk": {..}}}. */
    record RiskBody(MigrationRisk risk) {}

    /** {@code {"oauth": {"client_id": .., "client_secret": ..}}}. */
    record SwitchRequest(OAuthSwitch oauth) {}

    /** {@code {"migration": {..}}}. */
    record SwitchBody(MigrationOutcome migration) {}
}
