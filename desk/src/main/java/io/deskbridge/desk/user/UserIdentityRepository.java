package io.deskbridge.desk.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserIdentityRepository {

    private final JdbcClient jdbc;

    UserIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** A user's identities in creation order. */
    List<UserIdentity> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM user_identities WHERE user_id = :userId ORDER BY id")
                .param("userId", userId)
                .query(UserIdentityRepository::map)
                .list();
    }

    /** The identities of several users (sideloads), in user then id order. */
    List<UserIdentity> ofUsers(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM user_identities WHERE user_id IN (:ids) ORDER BY user_id, id")
                .param("ids", userIds)
                .query(UserIdentityRepository::map)
                .list();
    }

    Optional<UserIdentity> find(long userId, long id) {
        return jdbc.sql("SELECT * FROM user_identities WHERE id = :id AND user_id = :userId")
                .param("id", id)
                .param("userId", userId)
                .query(UserIdentityRepository::map)
                .optional();
    }

    Optional<UserIdentity> findByValue(IdentityType type, String value) {
        return jdbc.sql("SELECT * FROM user_identities WHERE type = :type AND value_normalized = :value")
                .param("type", type.name())
                .param("value", normalize(value))
                .query(UserIdentityRepository::map)
                .optional();
    }

    Optional<UserIdentity> primary(long userId, IdentityType type) {
        return jdbc.sql("SELECT * FROM user_identities WHERE user_id = :userId AND type = :type AND is_primary = TRUE")
                .param("userId", userId)
                .param("type", type.name())
                .query(UserIdentityRepository::map)
                .optional();
    }

    long insert(long userId, IdentityType type, String value, boolean verified, boolean primary, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_identities (user_id, type, identity_value, value_normalized, verified, is_primary,
                                             created_at, updated_at)
                VALUES (:userId, :type, :value, :normalized, :verified, :primary, :now, :now)
                """)
                .param("userId", userId)
                .param("type", type.name())
                .param("value", value.trim())
                .param("normalized", normalize(value))
                .param("verified", verified)
                .param("primary", primary)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, String value, boolean verified, Instant now) {
        jdbc.sql("""
                UPDATE user_identities SET identity_value = :value, value_normalized = :normalized,
                       verified = :verified, updated_at = :now
                 WHERE id = :id
                """)
                .param("id", id)
                .param("value", value.trim())
                .param("normalized", normalize(value))
                .param("verified", verified)
                .param("now", utc(now))
                .update();
    }

    /** Makes {@code id} the only primary identity of its type for the user; touches only rows that change. */
    void makePrimary(long userId, IdentityType type, long id, Instant now) {
        jdbc.sql("""
                UPDATE user_identities SET is_primary = (id = :id), updated_at = :now
                 WHERE user_id = :userId AND type = :type AND (id = :id OR is_primary = TRUE)
                   AND is_primary <> (id = :id)
                """)
                .param("id", id)
                .param("userId", userId)
                .param("type", type.name())
                .param("now", utc(now))
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM user_identities WHERE id = :id").param("id", id).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static UserIdentity map(ResultSet rs, int n) throws SQLException {
        return new UserIdentity(
                rs.getLong("id"),
                rs.getLong("user_id"),
                IdentityType.valueOf(rs.getString("type")),
                rs.getString("identity_value"),
                rs.getBoolean("verified"),
                rs.getBoolean("is_primary"),
                rs.getInt("undeliverable_count"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
