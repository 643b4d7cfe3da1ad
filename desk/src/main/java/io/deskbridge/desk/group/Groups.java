package io.deskbridge.desk.group;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agent groups (minimal: list, show, create), so tickets can carry a {@code group_id}. */
@Service
public class Groups {

    private final GroupRepository repository;
    private final Clock clock;

    Groups(GroupRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Group get(long id) {
        return repository.findById(id).orElseThrow(() -> GroupNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return repository.findById(id).isPresent();
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    @Transactional(readOnly = true)
    public List<Group> page(PageQuery page) {
        return repository.page(page);
    }

    @Transactional
    public Group create(String name, String description, boolean isPublic) {
        if (name == null || name.isBlank()) {
            throw Input.blank("name");
        }
        long id = repository.insert(
                name.strip(),
                description == null ? "" : description,
                isPublic,
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return get(id);
    }

    /** Changes what the update names; a missing field keeps its value. */
    @Transactional
    public Group update(long id, Optional<String> name, Optional<String> description, Optional<Boolean> isPublic) {
        Group current = get(id);
        if (name.isPresent() && name.get().isBlank()) {
            throw Input.blank("name");
        }
        repository.update(
                id,
                name.map(String::strip).orElse(current.name()),
                description.orElse(current.description()),
                isPublic.orElse(current.isPublic()),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return get(id);
    }

    /**
     * Deletes a group (soft, as Zendesk keeps deleted groups for reporting): it leaves the lists and
     * {@code GET /groups/{id}} answers 404. Tickets keep their {@code group_id}, as Zendesk's do until
     * the next update.
     */
    @Transactional
    public void delete(long id) {
        get(id);
        repository.markDeleted(id, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }
}
