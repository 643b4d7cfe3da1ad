package io.deskbridge.desk.ticketform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/ticket_forms}: agents read, admins write. */
@RestController
class TicketFormController {

    private final TicketForms forms;
    private final ListPages pages;

    TicketFormController(TicketForms forms, ListPages pages) {
        this.forms = forms;
        this.pages = pages;
    }

    /** {@code TicketFormObject}. */
    record TicketFormJson(
            String url,
            long id,
            String name,
            String rawName,
            String displayName,
            String rawDisplayName,
            boolean endUserVisible,
            int position,
            boolean active,
            @JsonProperty("default") boolean isDefault,
            boolean inAllBrands,
            List<Long> restrictedBrandIds,
            List<Long> ticketFieldIds,
            List<JsonNode> agentConditions,
            List<JsonNode> endUserConditions,
            Instant createdAt,
            Instant updatedAt) {}

    record TicketFormEnvelope(TicketFormJson ticketForm) {}

    @GetMapping("/api/v2/ticket_forms")
    ListPage<TicketFormJson> list(HttpServletRequest request) {
        String base = base();
        return pages.inMemory("ticket_forms", request, forms.all(), f -> List.of((long) f.position(), f.id()))
                .map(f -> json(f, base));
    }

    /** Unknown ids are left out, as Zendesk does. */
    @GetMapping("/api/v2/ticket_forms/show_many")
    ListPage<TicketFormJson> showMany(@RequestParam("ids") String ids) {
        List<Long> wanted = IdList.parse(ids, 100);
        String base = base();
        return ListPage.whole(
                "ticket_forms",
                forms.all().stream()
                        .filter(f -> wanted.contains(f.id()))
                        .map(f -> json(f, base))
                        .toList());
    }

    /** Positions 1..n in the order given; answers every form, as Zendesk does. */
    @PutMapping("/api/v2/ticket_forms/reorder")
    ListPage<TicketFormJson> reorder(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        List<Long> ids = Input.of(body).ids("ticket_form_ids").orElseThrow(() -> Input.blank("ticket_form_ids"));
        forms.reorder(ids);
        String base = base();
        return ListPage.whole(
                "ticket_forms", forms.all().stream().map(f -> json(f, base)).toList());
    }

    @GetMapping("/api/v2/ticket_forms/{id}")
    TicketFormEnvelope show(@PathVariable long id) {
        return new TicketFormEnvelope(json(forms.get(id), base()));
    }

    @PostMapping("/api/v2/ticket_forms")
    ResponseEntity<TicketFormEnvelope> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        TicketForm created = forms.create(write(Input.envelope(body, "ticket_form")));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TicketFormEnvelope(json(created, base())));
    }

    @PutMapping("/api/v2/ticket_forms/{id}")
    TicketFormEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        return new TicketFormEnvelope(json(forms.update(id, write(Input.envelope(body, "ticket_form"))), base()));
    }

    @DeleteMapping("/api/v2/ticket_forms/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        forms.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static TicketFormWrite write(Input in) {
        return new TicketFormWrite(
                in.string("name", 255),
                in.string("display_name", 255),
                Optional.ofNullable(in.position("position").orElse(null)),
                in.bool("active"),
                in.bool("default"),
                in.bool("end_user_visible"),
                in.ids("ticket_field_ids"));
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change ticket forms");
        }
    }

    private static TicketFormJson json(TicketForm f, String base) {
        return new TicketFormJson(
                base + "/api/v2/ticket_forms/" + f.id() + ".json",
                f.id(),
                f.name(),
                f.name(),
                f.displayName(),
                f.displayName(),
                f.endUserVisible(),
                f.position(),
                f.active(),
                f.isDefault(),
                true,
                List.of(),
                f.ticketFieldIds(),
                List.of(),
                List.of(),
                f.createdAt(),
                f.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
