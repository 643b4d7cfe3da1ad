package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.JsonText;
import io.deskbridge.desk.pagination.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code webhooks}. */
@Repository
class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active webhook's id and subscriptions: what the outbox needs for every ticket change. */
    record Subscriber(long id, List<String> subscriptions) {}

    Optional<StoredWebhook> findById(long id) {
        return jdbc.sql("SELECT * FROM webhooks WHERE id = :id")
                .param("id", id)
                .query(WebhookRepository::map)
                .optional();
    }

    /** Locks the row until the end of the transaction. */
    Optional<StoredWebhook> lock(long id) {
        return jdbc.sql("SELECT * FROM webhooks WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(WebhookRepository::map)
                .optional();
    }

    long count(WebhookFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE 1 = 1" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    List<StoredWebhook> page(WebhookFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>(page.boundaryParams());
        return jdbc.sql("SELECT * FROM webhooks WHERE 1 = 1" + where(filter, params)
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(params)
                .query(WebhookRepository::map)
                .list();
    }

    private static String where(WebhookFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.status() != null) {
            sql.append(" AND status = :filterStatus");
            params.put("filterStatus", filter.status().wireName());
        }
        if (filter.nameContains() != null) {
            sql.append(" AND LOWER(name) LIKE :filterName");
            params.put(
                    "filterName",
                    "%"
                            + filter.nameContains()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "")
                                    .replace("_", "") + "%");
        }
        return sql.toString();
    }

    List<Subscriber> activeSubscribers() {
        return jdbc.sql("SELECT id, subscriptions FROM webhooks WHERE status = 'active'")
                .query((rs, n) -> new Subscriber(rs.getLong("id"), JsonText.strings(rs.getString("subscriptions"))))
                .list();
    }

    long insert(WebhookRow row, Long actorId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhooks (name, description, status, endpoint, http_method, request_format,
                                      subscriptions, custom_headers, auth_type, auth_add_position, auth_public,
                                      consecutive_failures, created_at, created_by, updated_at, updated_by)
                VALUES (:name, :description, :status, :endpoint, :httpMethod, :requestFormat,
                        :subscriptions, :customHeaders, :authType, :authAddPosition, :authPublic,
                        0, :now, :actor, :now, :actor)
                """).params(params(row, actorId, now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, WebhookRow row, Long actorId, Instant now) {
        Map<String, Object> params = params(row, actorId, now);
        params.put("id", id);
        jdbc.sql("""
                UPDATE webhooks
                   SET name = :name, description = :description, status = :status, endpoint = :endpoint,
                       http_method = :httpMethod, request_format = :requestFormat,
                       subscriptions = :subscriptions, custom_headers = :customHeaders,
                       auth_type = :authType, auth_add_position = :authAddPosition, auth_public = :authPublic,
                       updated_at = :now, updated_by = :actor
                 WHERE id = :id
                """).params(params).update();
    }

    void setAuthSealed(long id, String sealed) {
        jdbc.sql("UPDATE webhooks SET auth_sealed = :sealed WHERE id = :id")
                .param("sealed", sealed)
                .param("id", id)
                .update();
    }

    void setSigningSecretSealed(long id, String sealed, Instant now) {
        jdbc.sql("UPDATE webhooks SET signing_secret_sealed = :sealed, updated_at = :now WHERE id = :id")
                .param("sealed", sealed)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhooks WHERE id = :id").param("id", id).update() == 1;
    }

    void resetFailures(long id) {
        jdbc.sql("UPDATE webhooks SET consecutive_failures = 0 WHERE id = :id AND consecutive_failures <> 0")
                .param("id", id)
                .update();
    }

    /** Counts one more failed invocation; the new count. */
    int countFailure(long id) {
        jdbc.sql("UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("SELECT consecutive_failures FROM webhooks WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Sets an active webhook inactive; false when it was not active (any more). */
    boolean deactivate(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE webhooks SET status = 'inactive', updated_at = :now, updated_by = NULL
                         WHERE id = :id AND status = 'active'
                        """)
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Map<String, Object> params(WebhookRow row, Long actorId, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", row.name());
        params.put("description", row.description());
        params.put("status", row.status().wireName());
        params.put("endpoint", row.endpoint());
        params.put("httpMethod", row.httpMethod());
        params.put("requestFormat", row.requestFormat());
        params.put("subscriptions", JsonText.write(row.subscriptions()));
        params.put("customHeaders", JsonText.write(row.customHeaders()));
        WebhookAuthentication auth = row.authentication();
        params.put("authType", auth == null ? null : auth.type().wireName());
        params.put("authAddPosition", auth == null ? null : auth.addPosition());
        params.put("authPublic", auth == null ? null : auth.publicPart());
        params.put("actor", actorId);
        params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return params;
    }

    private static StoredWebhook map(ResultSet rs, int row) throws SQLException {
        String authType = rs.getString("auth_type");
        WebhookAuthentication auth = authType == null
                ? null
                : new WebhookAuthentication(
                        AuthenticationType.fromWireName(authType).orElseThrow(),
                        rs.getString("auth_add_position"),
                        rs.getString("auth_public"));
        Map<String, String> headers = new LinkedHashMap<>();
        JsonText.object(rs.getString("custom_headers")).forEach((k, v) -> headers.put(k, String.valueOf(v)));
        Webhook webhook = new Webhook(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                WebhookStatus.fromWireName(rs.getString("status")).orElseThrow(),
                rs.getString("endpoint"),
                rs.getString("http_method"),
                rs.getString("request_format"),
                JsonText.strings(rs.getString("subscriptions")),
                auth,
                headers,
                rs.getInt("consecutive_failures"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("created_by", Long.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("updated_by", Long.class));
        return new StoredWebhook(webhook, rs.getString("auth_sealed"), rs.getString("signing_secret_sealed"));
    }
}
