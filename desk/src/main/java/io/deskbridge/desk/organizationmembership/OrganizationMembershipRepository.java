package io.deskbridge.desk.organizationmembership;

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

/**
 * The {@code organization_memberships} table. Reads show the memberships of active users in live
 * organizations; the writes keep at most one default per user (see package-info).
 */
@Repository
class OrganizationMembershipRepository {

    private static final String SELECT = """
            SELECT m.id, m.user_id, m.organization_id, m.is_default, o.name AS organization_name, o.shared_tickets,
                   m.created_at, m.updated_at
              FROM organization_memberships m
              JOIN users u ON u.id = m.user_id
              JOIN organizations o ON o.id = m.organization_id
             WHERE u.active = TRUE AND o.deleted = FALSE
            """;

    private final JdbcClient jdbc;

    OrganizationMembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the user's row until the transaction ends: membership changes of one user run one after
     * the other, so two concurrent first memberships cannot both become the default.
     */
    void lockUser(long userId) {
        jdbc.sql("SELECT id FROM users WHERE id = :id FOR UPDATE")
                .param("id", userId)
                .query(Long.class)
                .optional();
    }

    Optional<OrganizationMembership> find(long id) {
        return jdbc.sql(SELECT + " AND m.id = :id")
                .param("id", id)
                .query(OrganizationMembershipRepository::map)
                .optional();
    }

    Optional<OrganizationMembership> find(long userId, long organizationId) {
        return jdbc.sql(SELECT + " AND m.user_id = :userId AND m.organization_id = :organizationId")
                .param("userId", userId)
                .param("organizationId", organizationId)
                .query(OrganizationMembershipRepository::map)
                .optional();
    }

    /** A user's memberships, oldest first. */
    List<OrganizationMembership> ofUser(long userId) {
        return jdbc.sql(SELECT + " AND m.user_id = :userId ORDER BY m.id")
                .param("userId", userId)
                .query(OrganizationMembershipRepository::map)
                .list();
    }

    /** A user's memberships whether the user is active or not (a deleted user's too), oldest first. */
    List<OrganizationMembership> ofUserInAnyState(long userId) {
        return jdbc.sql("""
                SELECT m.id, m.user_id, m.organization_id, m.is_default, o.name AS organization_name,
                       o.shared_tickets, m.created_at, m.updated_at
                  FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
                 WHERE m.user_id = :userId
                 ORDER BY m.id
                """)
                .param("userId", userId)
                .query(OrganizationMembershipRepository::map)
                .list();
    }

    /** All of a user's membership rows, whatever the state of the user or organization. */
    long countOfUser(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_memberships WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /** Users whose default membership is in the organization. */
    List<Long> defaultMembersOf(long organizationId) {
        return jdbc.sql("""
                SELECT user_id FROM organization_memberships
                 WHERE organization_id = :organizationId AND is_default = TRUE ORDER BY user_id
                """)
                .param("organizationId", organizationId)
                .query(Long.class)
                .list();
    }

    /** The user's oldest membership in a live organization, the next default when the default goes. */
    Optional<OrganizationMembership> oldest(long userId) {
        return jdbc.sql("""
                SELECT m.id, m.user_id, m.organization_id, m.is_default, o.name AS organization_name,
                       o.shared_tickets, m.created_at, m.updated_at
                  FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
                 WHERE m.user_id = :userId AND o.deleted = FALSE
                 ORDER BY m.id FETCH FIRST 1 ROWS ONLY
                """)
                .param("userId", userId)
                .query(OrganizationMembershipRepository::map)
                .optional();
    }

    long count(MembershipFilter filter) {
        return bind(jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + where(filter) + ") s"), filter)
                .query(Long.class)
                .single();
    }

    List<OrganizationMembership> offsetPage(MembershipFilter filter, int offset, int limit) {
        return bind(
                        jdbc.sql(SELECT + where(filter)
                                + " ORDER BY m.id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"),
                        filter)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganizationMembershipRepository::map)
                .list();
    }

    /** Ids above {@code afterId} ascending, or below {@code beforeId} descending (nearest first). */
    List<OrganizationMembership> keyset(MembershipFilter filter, Long afterId, Long beforeId, int limit) {
        String bound = beforeId != null ? " AND m.id < :bound" : afterId != null ? " AND m.id > :bound" : "";
        String order = beforeId != null ? " ORDER BY m.id DESC" : " ORDER BY m.id";
        var spec = bind(jdbc.sql(SELECT + where(filter) + bound + order + " FETCH FIRST :limit ROWS ONLY"), filter)
                .param("limit", limit);
        if (beforeId != null || afterId != null) {
            spec = spec.param("bound", beforeId != null ? beforeId : afterId);
        }
        return spec.query(OrganizationMembershipRepository::map).list();
    }

    long insert(long userId, long organizationId, boolean isDefault, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organization_memberships (user_id, organization_id, is_default, created_at, updated_at)
                VALUES (:userId, :organizationId, :isDefault, :now, :now)
                """)
                .param("userId", userId)
                .param("organizationId", organizationId)
                .param("isDefault", isDefault)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM organization_memberships WHERE id = :id")
                .param("id", id)
                .update();
    }

    void deleteOfOrganization(long organizationId) {
        jdbc.sql("DELETE FROM organization_memberships WHERE organization_id = :organizationId")
                .param("organizationId", organizationId)
                .update();
    }

    /** Makes {@code id} the user's only default membership. */
    void makeDefault(long userId, long id, Instant now) {
        jdbc.sql("""
                UPDATE organization_memberships SET is_default = (id = :id), updated_at = :now
                 WHERE user_id = :userId AND (id = :id OR is_default = TRUE)
                """)
                .param("id", id)
                .param("userId", userId)
                .param("now", utc(now))
                .update();
    }

    private static String where(MembershipFilter filter) {
        return (filter.userId() != null ? " AND m.user_id = :userId" : "")
                + (filter.organizationId() != null ? " AND m.organization_id = :organizationId" : "");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MembershipFilter filter) {
        if (filter.userId() != null) {
            spec = spec.param("userId", filter.userId());
        }
        if (filter.organizationId() != null) {
            spec = spec.param("organizationId", filter.organizationId());
        }
        return spec;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static OrganizationMembership map(ResultSet rs, int row) throws SQLException {
        return new OrganizationMembership(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getBoolean("is_default"),
                rs.getBoolean("shared_tickets"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
