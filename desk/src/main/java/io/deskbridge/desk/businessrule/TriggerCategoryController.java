package io.deskbridge.desk.businessrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/trigger_categories}: list ({@code include=rule_counts} adds each category's active
 * and inactive trigger counts), create (200, as Zendesk answers it), show, update (PATCH), delete
 * (204; 400 {@code TriggerCategoryNotEmpty} while triggers are in it). Admins write, agents read.
 * Ids are strings, as Zendesk's; new categories go after the last one.
 */
@RestController
class TriggerCategoryController {

    private static final String PATH = "/api/v2/trigger_categories";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TriggerCategoryJson(
            Instant createdAt,
            String id,
            String name,
            long position,
            Instant updatedAt,
            Long activeCount,
            Long inactiveCount) {}

    record TriggerCategoryEnvelope(TriggerCategoryJson triggerCategory) {}

    private final TriggerCategoryRepository categories;
    private final BusinessRuleRepository rules;
    private final ListPages pages;
    private final Clock clock;

    TriggerCategoryController(
            TriggerCategoryRepository categories, BusinessRuleRepository rules, ListPages pages, Clock clock) {
        this.categories = categories;
        this.rules = rules;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @Transactional(readOnly = true)
    ListPage<TriggerCategoryJson> list(HttpServletRequest request) {
        boolean counts = String.valueOf(request.getParameter("include")).contains("rule_counts");
        return pages.inMemory("trigger_categories", request, categories.all(), c -> List.of(c.position(), c.id()))
                .map(c -> json(c, counts));
    }

    @GetMapping(PATH + "/{id}")
    @Transactional(readOnly = true)
    TriggerCategoryEnvelope show(@PathVariable long id) {
        return new TriggerCategoryEnvelope(json(get(id), false));
    }

    @PostMapping(PATH)
    @Transactional
    TriggerCategoryEnvelope create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        JsonNode in = body.path("trigger_category");
        String name = name(in).orElseThrow(() -> TriggerCategoryException.invalid("Name cannot be blank"));
        long position = position(in, categories.nextPosition());
        long id = categories.insert(name, position, now());
        return new TriggerCategoryEnvelope(json(get(id), false));
    }

    @PatchMapping(PATH + "/{id}")
    @Transactional
    TriggerCategoryEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        TriggerCategory current = get(id);
        JsonNode in = body.path("trigger_category");
        String name = in.has("name")
                ? name(in).orElseThrow(() -> TriggerCategoryException.invalid("Name cannot be blank"))
                : current.name();
        categories.update(id, name, position(in, current.position()), now());
        return new TriggerCategoryEnvelope(json(get(id), false));
    }

    @DeleteMapping(PATH + "/{id}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        get(id);
        long[] counts = rules.countInCategory(id);
        if (counts[0] + counts[1] > 0) {
            throw TriggerCategoryException.notEmpty(id, counts[0] + counts[1]);
        }
        categories.delete(id);
        return ResponseEntity.noContent().build();
    }

    private TriggerCategory get(long id) {
        return categories.find(id).orElseThrow(() -> TriggerCategoryException.notFound(id));
    }

    private TriggerCategoryJson json(TriggerCategory c, boolean counts) {
        long[] n = counts ? rules.countInCategory(c.id()) : null;
        return new TriggerCategoryJson(
                c.createdAt(),
                String.valueOf(c.id()),
                c.name(),
                c.position(),
                c.updatedAt(),
                n == null ? null : n[0],
                n == null ? null : n[1]);
    }

    private static java.util.Optional<String> name(JsonNode in) {
        JsonNode name = in.path("name");
        if (!name.isString() || name.asString().isBlank()) {
            return java.util.Optional.empty();
        }
        if (name.asString().strip().length() > 255) {
            throw TriggerCategoryException.invalid("Name is longer than 255 characters");
        }
        return java.util.Optional.of(name.asString().strip());
    }

    private static long position(JsonNode in, long otherwise) {
        JsonNode position = in.path("position");
        if (position.isMissingNode() || position.isNull()) {
            return otherwise;
        }
        if (!position.isIntegralNumber() || position.longValue() < 0) {
            throw TriggerCategoryException.invalid("Position must be a whole number of at least 0");
        }
        return position.longValue();
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change trigger categories");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
