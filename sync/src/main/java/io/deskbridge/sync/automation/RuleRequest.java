package io.deskbridge.sync.automation;

import java.util.List;

/**
 * A rule as sent to create or replace one. {@code active} defaults to true, {@code position} to
 * after the connection's last rule; on update an absent part stays as it was.
 *
 * @param event {@code ticket.created}, {@code ticket.updated}, {@code ticket.solved}, {@code
 *     ticket.comment_added} or {@code time}
 */
public record RuleRequest(
        String title,
        Boolean active,
        Integer position,
        String event,
        RuleConditions conditions,
        List<Action> actions) {}
