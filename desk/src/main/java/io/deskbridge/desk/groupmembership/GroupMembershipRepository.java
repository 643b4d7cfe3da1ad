package io.deskbridge.desk.groupmembership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class GroupMembershipRepository {

    private final JdbcClient jdbc;

    GroupMembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Memberships in id order, optionally of one user or one group. */
    List<GroupMembership> list(Long userId, Long groupId) {
        String where =
                userId != null ? " WHERE user_id = :userId" : groupId != null ? " WHERE group_id = :groupId" : "";
        var spec = jdbc.sql("SELECT * FROM group_memberships" + where + " ORDER BY id");
        if (userId != null) {
            spec = spec.param("userId", userId);
        } else if (groupId != null) {
            spec = spec.param("groupId", groupId);
        }
        return spec.query(GroupMembershipRepository::map).list();
    }

    Optional<GroupMembership> find(long id) {
        return jdbc.sql("SELECT * FROM group_memberships WHERE id = :id")
                .param("id", id)
                .query(GroupMembershipRepository::map)
                .optional();
    }

    Optional<GroupMembership> find(long userId, long groupId) {
        return jdbc.sql("SELECT * FROM group_memberships WHERE user_id = :userId AND group_id = :groupId")
                .param("userId", userId)
                .param("groupId", groupId)
                .query(GroupMembershipRepository::map)
                .optional();
    }

    long insert(long userId, long groupId, boolean isDefault, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO group_memberships (user_id, group_id, is_default, created_at, updated_at)
                VALUES (:userId, :groupId, :isDefault, :now, :now)
                """)
                .param("userId", userId)
                .param("groupId", groupId)
                .param("isDefault", isDefault)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM group_memberships WHERE id = :id").param("id", id).update();
    }

    /** Makes {@code id} the user's only default membership. */
    void makeDefault(long userId, long id, Instant now) {
        jdbc.sql("""
                UPDATE group_memberships SET is_default = (id = :id), updated_at = :now
                 WHERE user_id = :userId AND (id = :id OR is_default = TRUE)
                """)
                .param("id", id)
                .param("userId", userId)
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static GroupMembership map(ResultSet rs, int row) throws SQLException {
        return new GroupMembership(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("group_id"),
                rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
