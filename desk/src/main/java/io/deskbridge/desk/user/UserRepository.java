package io.deskbridge.desk.user;

import io.deskbridge.desk.api.JsonText;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.search.SearchIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    long count(UserFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE 1 = 1" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    List<UserAccount> page(UserFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>(page.boundaryParams());
        return jdbc.sql("SELECT * FROM users WHERE 1 = 1" + where(filter, params)
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(params)
                .query(UserRepository::map)
                .list();
    }

    List<UserAccount> staff(int limit) {
        return jdbc.sql("""
                SELECT * FROM users WHERE role IN (:roles) AND active = TRUE AND suspended = FALSE
                 ORDER BY name, id FETCH FIRST %d ROWS ONLY
                """.formatted(limit))
                .param("roles", List.of(Role.AGENT.name(), Role.ADMIN.name()))
                .query(UserRepository::map)
                .list();
    }

    /** {@code " AND (...)"} per criterion; values only ever travel as parameters. */
    private static String where(UserFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (UserFilter.Criterion c : filter.criteria()) {
            sql.append(" AND (").append(condition(c, params)).append(')');
        }
        return sql.toString();
    }

    private static String condition(UserFilter.Criterion criterion, Map<String, Object> params) {
        if (criterion instanceof UserFilter.Not not) {
            return "NOT (" + condition(not.criterion(), params) + ")";
        }
        if (criterion instanceof UserFilter.Nothing) {
            return "1 = 0";
        }
        if (criterion instanceof UserFilter.RoleIn in) {
            return "role IN ("
                    + param(params, in.roles().stream().map(Role::name).toList()) + ")";
        }
        if (criterion instanceof UserFilter.EmailIs is) {
            return "email_normalized = " + param(params, normalize(is.email()));
        }
        if (criterion instanceof UserFilter.ExternalIdIs is) {
            return "external_id = " + param(params, is.externalId());
        }
        if (criterion instanceof UserFilter.OrganizationIs is) {
            return is.organizationId() == null
                    ? "organization_id IS NULL"
                    : "organization_id = " + param(params, is.organizationId());
        }
        if (criterion instanceof UserFilter.TimeRange range) {
            String column = range.field() == UserFilter.TimeField.CREATED ? "created_at" : "updated_at";
            List<String> parts = new ArrayList<>();
            if (range.from() != null) {
                parts.add(column + (range.fromInclusive() ? " >= " : " > ") + param(params, ts(range.from())));
            }
            if (range.until() != null) {
                parts.add(column + (range.untilInclusive() ? " <= " : " < ") + param(params, ts(range.until())));
            }
            return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        }
        if (criterion instanceof UserFilter.Words words) {
            List<String> conditions =
                    SearchIndex.matching(Users.SEARCH_TYPE, "id", words.words(), "w" + params.size() + "_", params);
            if (conditions.isEmpty()) {
                return words.noTerms() == UserFilter.NoTerms.MATCH_NONE ? "1 = 0" : "1 = 1";
            }
            return String.join(" AND ", conditions);
        }
        if (criterion instanceof UserFilter.Phrase phrase) {
            String p = param(
                    params,
                    "%"
                            + phrase.phrase()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "")
                                    .replace("_", "") + "%");
            return "LOWER(name) LIKE " + p + " OR LOWER(COALESCE(notes, '')) LIKE " + p
                    + " OR LOWER(COALESCE(details, '')) LIKE " + p;
        }
        throw new IllegalStateException("no SQL for " + criterion);
    }

    private static String param(Map<String, Object> params, Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    List<UserAccount> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM users WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(UserRepository::map)
                .list();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email_normalized = :email")
                .param("email", normalize(email))
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> findByExternalId(String externalId) {
        return jdbc.sql("SELECT * FROM users WHERE external_id = :externalId ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("externalId", externalId)
                .query(UserRepository::map)
                .optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    long insert(UserAccount u, String passwordHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (name, email, email_normalized, role, active, suspended, verified, password_hash,
                                   time_zone, locale, organization_id, external_id, phone, details, notes, tags,
                                   user_fields, created_at, updated_at)
                VALUES (:name, :email, :normalized, :role, TRUE, :suspended, :verified, :hash, :timeZone, :locale,
                        :organizationId, :externalId, :phone, :details, :notes, :tags, :userFields, :now, :now)
                """)
                .params(columns(u))
                .param("hash", passwordHash)
                .param("now", ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(UserAccount u, Instant now) {
        jdbc.sql("""
                UPDATE users SET name = :name, email = :email, email_normalized = :normalized, role = :role,
                       suspended = :suspended, verified = :verified, time_zone = :timeZone, locale = :locale,
                       organization_id = :organizationId, external_id = :externalId, phone = :phone,
                       details = :details, notes = :notes, tags = :tags, user_fields = :userFields, updated_at = :now
                 WHERE id = :id
                """)
                .params(columns(u))
                .param("id", u.id())
                .param("now", ts(now))
                .update();
    }

    void updateOrganization(long id, Long organizationId, Instant now) {
        jdbc.sql("UPDATE users SET organization_id = :organizationId, updated_at = :now WHERE id = :id")
                .param("organizationId", organizationId)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    int updateFlags(long id, boolean active, boolean suspended, Instant now) {
        return jdbc.sql("UPDATE users SET active = :active, suspended = :suspended, updated_at = :now WHERE id = :id")
                .param("active", active)
                .param("suspended", suspended)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** The account owner's id; see V6__account_owner.sql. */
    Optional<Long> ownerId() {
        return jdbc.sql("SELECT id FROM users WHERE account_owner = TRUE ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .optional();
    }

    boolean isOwner(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id AND account_owner = TRUE")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void markOwner(long id) {
        jdbc.sql("UPDATE users SET account_owner = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** A new password; the user is active, not suspended and an admin afterwards (owner recovery). */
    void resetOwner(long id, String passwordHash, Instant now) {
        jdbc.sql("""
                UPDATE users SET password_hash = :hash, active = TRUE, suspended = FALSE, role = :role,
                       updated_at = :now
                 WHERE id = :id
                """)
                .param("hash", passwordHash)
                .param("role", Role.ADMIN.name())
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", passwordHash)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** Ends every sign-in session of the user (see {@link SessionCheck}). */
    void endSessions(long id) {
        jdbc.sql("UPDATE users SET session_generation = session_generation + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Moves updated_at: a change the user's row does not hold (an identity) still exports the user. */
    void touch(long id, Instant now) {
        jdbc.sql("UPDATE users SET updated_at = :now WHERE id = :id")
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    void recordLogin(long id, Instant now) {
        jdbc.sql("UPDATE users SET last_login_at = :now WHERE id = :id")
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    List<UserAccount> exportAfter(Instant afterUpdated, long afterId, Instant maxUpdated, int limit) {
        return jdbc.sql("SELECT * FROM users WHERE (updated_at, id) > (:ts, :id) AND updated_at <= :max"
                        + " ORDER BY updated_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .param("ts", ts(afterUpdated))
                .param("id", afterId)
                .param("max", ts(maxUpdated))
                .query(UserRepository::map)
                .list();
    }

    private static Map<String, Object> columns(UserAccount u) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("normalized", normalize(u.email()));
        m.put("role", u.role().name());
        m.put("suspended", u.suspended());
        m.put("verified", u.verified());
        m.put("timeZone", u.timeZone());
        m.put("locale", u.locale());
        m.put("organizationId", u.organizationId());
        m.put("externalId", u.externalId());
        m.put("phone", u.phone());
        m.put("details", u.details());
        m.put("notes", u.notes());
        m.put("tags", JsonText.write("tags", u.tags(), 4000));
        m.put("userFields", JsonText.write("user_fields", u.userFields(), 8000));
        return m;
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getBoolean("suspended"),
                rs.getBoolean("verified"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                rs.getObject("organization_id", Long.class),
                rs.getString("external_id"),
                rs.getString("phone"),
                rs.getString("details"),
                rs.getString("notes"),
                JsonText.strings(rs.getString("tags")),
                JsonText.object(rs.getString("user_fields")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "last_login_at"),
                rs.getLong("session_generation"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
