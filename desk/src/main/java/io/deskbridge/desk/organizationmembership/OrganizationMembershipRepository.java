package io.deskbridge.desk.organizationmembership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads memberships out of {@code users.organization_id} (see package-info). */
@Repository
class OrganizationMembershipRepository {

    private static final String SELECT = """
            SELECT u.id, u.organization_id, o.name AS organization_name, o.shared_tickets, u.created_at, u.updated_at
              FROM users u JOIN organizations o ON o.id = u.organization_id
             WHERE u.active = TRUE AND o.deleted = FALSE
            """;

    private final JdbcClient jdbc;

    OrganizationMembershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganizationMembership> find(long id) {
        return jdbc.sql(SELECT + " AND u.id = :id")
                .param("id", id)
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
                                + " ORDER BY u.id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"),
                        filter)
                .param("offset", offset)
                .param("limit", limit)
                .query(OrganizationMembershipRepository::map)
                .list();
    }

    /** Ids above {@code afterId} ascending, or below {@code beforeId} descending (nearest first). */
    List<OrganizationMembership> keyset(MembershipFilter filter, Long afterId, Long beforeId, int limit) {
        String bound = beforeId != null ? " AND u.id < :bound" : afterId != null ? " AND u.id > :bound" : "";
        String order = beforeId != null ? " ORDER BY u.id DESC" : " ORDER BY u.id";
        var spec = bind(jdbc.sql(SELECT + where(filter) + bound + order + " FETCH FIRST :limit ROWS ONLY"), filter)
                .param("limit", limit);
        if (beforeId != null || afterId != null) {
            spec = spec.param("bound", beforeId != null ? beforeId : afterId);
        }
        return spec.query(OrganizationMembershipRepository::map).list();
    }

    private static String where(MembershipFilter filter) {
        return (filter.userId() != null ? " AND u.id = :userId" : "")
                + (filter.organizationId() != null ? " AND u.organization_id = :organizationId" : "");
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

    private static OrganizationMembership map(ResultSet rs, int row) throws SQLException {
        return new OrganizationMembership(
                rs.getLong("id"),
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getBoolean("shared_tickets"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
