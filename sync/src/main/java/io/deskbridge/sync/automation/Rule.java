package io.deskbridge.sync.automation;

import java.time.Instant;
import java.util.List;

/**
 * An automation rule of a connection.
 *
 * @param position rules are listed and evaluated in this order (then by id)
 * @param activeSince when the rule was last switched on: changes made before then never fire it
 *     (null while inactive)
 */
public record Rule(
        long id,
        long connectionId,
        String title,
        boolean active,
        int position,
        RuleEvent event,
        RuleConditions conditions,
        List<Action> actions,
        Instant activeSince,
        Instant createdAt,
        Instant updatedAt) {}
