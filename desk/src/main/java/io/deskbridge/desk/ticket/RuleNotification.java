package io.deskbridge.desk.ticket;

import java.util.List;

/** A {@code notification_user} / {@code notification_group} action, recorded as a Notification audit event. */
public record RuleNotification(Via via, List<Long> recipients, String subject, String body) {}
