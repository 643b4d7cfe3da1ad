package io.deskbridge.desk.organizationmembership;

import io.deskbridge.desk.api.RecordNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users' organization memberships, derived from their organization (see package-info). */
@Service
public class OrganizationMemberships {

    private final OrganizationMembershipRepository repository;

    OrganizationMemberships(OrganizationMembershipRepository repository) {
        this.repository = repository;
    }

    /** Rows of one cursor page in list order, and whether more follow in the walking direction. */
    record Window(List<OrganizationMembership> rows, boolean hasMore) {}

    /** One membership; with {@code userId}, only if it is that user's. */
    @Transactional(readOnly = true)
    public OrganizationMembership get(long id, Long userId) {
        return repository
                .find(id)
                .filter(m -> userId == null || m.userId() == userId)
                .orElseThrow(() -> new RecordNotFoundException("No organization membership with id " + id));
    }

    @Transactional(readOnly = true)
    long count(MembershipFilter filter) {
        return repository.count(filter);
    }

    @Transactional(readOnly = true)
    List<OrganizationMembership> offsetPage(MembershipFilter filter, int offset, int limit) {
        return repository.offsetPage(filter, offset, limit);
    }

    @Transactional(readOnly = true)
    Window keyset(MembershipFilter filter, Long afterId, Long beforeId, int size) {
        List<OrganizationMembership> rows = new ArrayList<>(repository.keyset(filter, afterId, beforeId, size + 1));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (beforeId != null) {
            Collections.reverse(rows);
        }
        return new Window(rows, more);
    }
}
