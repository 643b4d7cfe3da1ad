package io.deskbridge.desk.webhook;

/**
 * Which webhooks a list wants ({@code filter[status]}, {@code filter[name_contains]}), typed: only
 * {@code WebhookRepository} turns it into SQL.
 *
 * @param status null: any status
 * @param nameContains null: any name; otherwise a case-insensitive substring of the name
 */
public record WebhookFilter(WebhookStatus status, String nameContains) {

    public static final WebhookFilter ALL = new WebhookFilter(null, null);
}
