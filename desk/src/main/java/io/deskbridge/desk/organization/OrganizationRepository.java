package io.deskbridge.desk.organization;

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
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Organization> findById(long id) {
        return jdbc.sql("SELECT * FROM organizations WHERE id = :id AND deleted = FALSE")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    List<Organization> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM organizations WHERE id IN (:ids) AND deleted = FALSE ORDER BY id")
                .param("ids", ids)
                .query(OrganizationRepository::map)
                .list();
    }

    Optional<Organization> findByName(String name) {
        return jdbc.sql("SELECT * FROM organizations WHERE name_normalized = :name AND deleted = FALSE")
                .param("name", normalize(name))
                .query(OrganizationRepository::map)
                .optional();
    }

    /** The live organization with this external id (the whole value); the oldest if several carry it. */
    Optional<Organization> findByExternalId(String externalId) {
        return jdbc.sql("SELECT * FROM organizations WHERE external_id = :externalId AND deleted = FALSE"
                        + " ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("externalId", externalId)
                .query(OrganizationRepository::map)
                .optional();
    }

    /** Live organizations whose domain_names text mentions the domain; the caller checks exactly. */
    List<Organization> findMentioningDomain(String domain) {
        String escaped = domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("SELECT * FROM organizations WHERE deleted = FALSE AND LOWER(domain_names) LIKE :pattern"
                        + " ESCAPE '\\' ORDER BY id")
                .param("pattern", "%\"" + escaped.toLowerCase(java.util.Locale.ROOT) + "\"%")
                .query(OrganizationRepository::map)
                .list();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE name_normalized = :name AND id <> :id")
                        .param("name", normalize(name))
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long count(OrganizationFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE deleted = FALSE" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    List<Organization> page(OrganizationFilter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>(page.boundaryParams());
        return jdbc.sql("SELECT * FROM organizations WHERE deleted = FALSE" + where(filter, params)
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(params)
                .query(OrganizationRepository::map)
                .list();
    }

    /** {@code " AND (...)"} per criterion; values only ever travel as parameters. */
    private static String where(OrganizationFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        List<String> words = new ArrayList<>();
        filter.criteria().stream()
                .filter(OrganizationFilter.Words.class::isInstance)
                .forEach(w -> words.addAll(((OrganizationFilter.Words) w).words()));
        for (String condition : SearchIndex.matching(Organizations.SEARCH_TYPE, "id", words, "w", params)) {
            sql.append(" AND (").append(condition).append(')');
        }
        for (OrganizationFilter.Criterion c : filter.criteria()) {
            if (!(c instanceof OrganizationFilter.Words)) {
                sql.append(" AND (").append(condition(c, params)).append(')');
            }
        }
        return sql.toString();
    }

    private static String condition(OrganizationFilter.Criterion criterion, Map<String, Object> params) {
        if (criterion instanceof OrganizationFilter.Not not) {
            return "NOT (" + condition(not.criterion(), params) + ")";
        }
        if (criterion instanceof OrganizationFilter.ExternalIdIs is) {
            return "external_id = " + param(params, is.externalId());
        }
        if (criterion instanceof OrganizationFilter.TimeRange range) {
            String column = range.field() == OrganizationFilter.TimeField.CREATED ? "created_at" : "updated_at";
            List<String> parts = new ArrayList<>();
            if (range.from() != null) {
                parts.add(column + (range.fromInclusive() ? " >= " : " > ") + param(params, ts(range.from())));
            }
            if (range.until() != null) {
                parts.add(column + (range.untilInclusive() ? " <= " : " < ") + param(params, ts(range.until())));
            }
            return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        }
        if (criterion instanceof OrganizationFilter.Phrase phrase) {
            String p = param(
                    params,
                    "%"
                            + phrase.phrase()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "")
                                    .replace("_", "") + "%");
            return "LOWER(name) LIKE " + p + " OR LOWER(COALESCE(details, '')) LIKE " + p
                    + " OR LOWER(COALESCE(notes, '')) LIKE " + p;
        }
        throw new IllegalStateException("no SQL for " + criterion);
    }

    private static String param(Map<String, Object> params, Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    long insert(Organization o, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organizations (name, name_normalized, external_id, details, notes, group_id,
                    shared_tickets, shared_comments, domain_names, tags, organization_fields, created_at, updated_at)
                VALUES (:name, :normalized, :externalId, :details, :notes, :groupId, :sharedTickets,
                    :sharedComments, :domainNames, :tags, :fields, :now, :now)
                """).params(columns(o)).param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Organization o, Instant now) {
        jdbc.sql("""
                UPDATE organizations SET name = :name, name_normalized = :normalized, external_id = :externalId,
                    details = :details, notes = :notes, group_id = :groupId, shared_tickets = :sharedTickets,
                    shared_comments = :sharedComments, domain_names = :domainNames, tags = :tags,
                    organization_fields = :fields, updated_at = :now
                 WHERE id = :id
                """)
                .params(columns(o))
                .param("id", o.id())
                .param("now", ts(now))
                .update();
    }

    /** Deleted organizations keep their row (exports report them) but free their name. */
    void markDeleted(long id, Instant now) {
        jdbc.sql("""
                UPDATE organizations SET deleted = TRUE, name_normalized = :freed, updated_at = :now WHERE id = :id
                """)
                .param("freed", "#deleted#" + id)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** Organizations, deleted ones included, in export order after the (updated_at, id) position. */
    List<Organization> exportAfter(Instant afterUpdated, long afterId, Instant maxUpdated, int limit) {
        return jdbc.sql("SELECT * FROM organizations WHERE (updated_at, id) > (:ts, :id) AND updated_at <= :max"
                        + " ORDER BY updated_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .param("ts", ts(afterUpdated))
                .param("id", afterId)
                .param("max", ts(maxUpdated))
                .query(OrganizationRepository::map)
                .list();
    }

    private static Map<String, Object> columns(Organization o) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("name", o.name());
        m.put("normalized", normalize(o.name()));
        m.put("externalId", o.externalId());
        m.put("details", o.details());
        m.put("notes", o.notes());
        m.put("groupId", o.groupId());
        m.put("sharedTickets", o.sharedTickets());
        m.put("sharedComments", o.sharedComments());
        m.put("domainNames", JsonText.write("domain_names", o.domainNames(), 4000));
        m.put("tags", JsonText.write("tags", o.tags(), 4000));
        m.put("fields", JsonText.write("organization_fields", o.organizationFields(), 8000));
        return m;
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("external_id"),
                rs.getString("details"),
                rs.getString("notes"),
                rs.getObject("group_id", Long.class),
                rs.getBoolean("shared_tickets"),
                rs.getBoolean("shared_comments"),
                JsonText.strings(rs.getString("domain_names")),
                JsonText.strings(rs.getString("tags")),
                JsonText.object(rs.getString("organization_fields")),
                rs.getBoolean("deleted"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
