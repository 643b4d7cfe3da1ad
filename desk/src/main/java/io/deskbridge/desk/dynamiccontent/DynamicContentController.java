package io.deskbridge.desk.dynamiccontent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

/** {@code /api/v2/dynamic_content/items}: agents read, admins write (see package-info). */
@RestController
class DynamicContentController {

    private static final String ITEMS = "/api/v2/dynamic_content/items";

    private final DynamicContents contents;
    private final ListPages pages;

    DynamicContentController(DynamicContents contents, ListPages pages) {
        this.contents = contents;
        this.pages = pages;
    }

    /** {@code DynamicContentObject}. */
    record ItemJson(
            String url,
            long id,
            String name,
            String placeholder,
            long defaultLocaleId,
            boolean outdated,
            Instant createdAt,
            Instant updatedAt,
            List<VariantJson> variants) {}

    /** {@code DynamicContentVariantObject}. */
    record VariantJson(
            String url,
            long id,
            String content,
            long localeId,
            boolean outdated,
            boolean active,
            @JsonProperty("default") boolean isDefault,
            Instant createdAt,
            Instant updatedAt) {}

    record ItemEnvelope(ItemJson item) {}

    record VariantEnvelope(VariantJson variant) {}

    @GetMapping(ITEMS)
    ListPage<ItemJson> list(HttpServletRequest request) {
        String base = base();
        return pages.inMemory("items", request, contents.all(), i -> List.of(0L, i.id()))
                .map(i -> json(i, base));
    }

    @GetMapping(ITEMS + "/show_many")
    ListPage<ItemJson> showMany(@RequestParam(required = false) String identifiers) {
        if (identifiers == null || identifiers.isBlank()) {
            throw new BadRequestException(
                    "InvalidParameter", "Send identifiers: comma-separated placeholder names (item1,item2)");
        }
        List<String> keys = Arrays.stream(identifiers.split(","))
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .toList();
        String base = base();
        return ListPage.whole(
                "items",
                contents.byIdentifiers(keys).stream().map(i -> json(i, base)).toList());
    }

    @GetMapping(ITEMS + "/{id}")
    ItemEnvelope show(@PathVariable long id) {
        return new ItemEnvelope(json(contents.get(id), base()));
    }

    @PostMapping(ITEMS)
    ResponseEntity<ItemEnvelope> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "item");
        List<DynamicContents.VariantWrite> variants = new ArrayList<>();
        JsonNode list = in.raw("variants");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw Input.invalid("variants", "must be a list of {locale_id, content, default, active}");
            }
            for (JsonNode v : list) {
                if (!v.isObject()) {
                    throw Input.invalid("variants", "each variant must be an object");
                }
                variants.add(variant(Input.of(v)));
            }
        }
        DynamicContentItem created = contents.create(
                new DynamicContents.ItemWrite(in.string("name", 255), in.id("default_locale_id"), variants));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ItemEnvelope(json(created, base())));
    }

    @PutMapping(ITEMS + "/{id}")
    ItemEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "item");
        if (in.has("variants")) {
            throw Input.invalid("variants", "change variants through " + ITEMS + "/" + id + "/variants");
        }
        return new ItemEnvelope(json(
                contents.update(
                        id,
                        new DynamicContents.ItemWrite(in.string("name", 255), in.id("default_locale_id"), List.of())),
                base()));
    }

    @DeleteMapping(ITEMS + "/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        contents.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ITEMS + "/{id}/variants")
    ListPage<VariantJson> variants(@PathVariable long id) {
        DynamicContentItem item = contents.get(id);
        String base = base();
        return ListPage.whole(
                "variants",
                item.variants().stream().map(v -> json(item, v, base)).toList());
    }

    @GetMapping(ITEMS + "/{id}/variants/{variantId}")
    VariantEnvelope variant(@PathVariable long id, @PathVariable long variantId) {
        DynamicContentItem.Variant variant = contents.variant(id, variantId);
        return new VariantEnvelope(json(contents.get(id), variant, base()));
    }

    @PostMapping(ITEMS + "/{id}/variants")
    ResponseEntity<VariantEnvelope> createVariant(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        DynamicContentItem.Variant created = contents.createVariant(id, variant(Input.envelope(body, "variant")));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new VariantEnvelope(json(contents.get(id), created, base())));
    }

    @PutMapping(ITEMS + "/{id}/variants/{variantId}")
    VariantEnvelope updateVariant(
            @PathVariable long id,
            @PathVariable long variantId,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        DynamicContentItem.Variant updated =
                contents.updateVariant(id, variantId, variant(Input.envelope(body, "variant")));
        return new VariantEnvelope(json(contents.get(id), updated, base()));
    }

    @DeleteMapping(ITEMS + "/{id}/variants/{variantId}")
    ResponseEntity<Void> deleteVariant(
            @PathVariable long id, @PathVariable long variantId, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        contents.deleteVariant(id, variantId);
        return ResponseEntity.noContent().build();
    }

    private static DynamicContents.VariantWrite variant(Input in) {
        return new DynamicContents.VariantWrite(
                in.id("locale_id"),
                in.string("content", DynamicContents.MAX_CONTENT),
                in.bool("active"),
                in.bool("default"));
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change dynamic content");
        }
    }

    private static ItemJson json(DynamicContentItem item, String base) {
        return new ItemJson(
                base + ITEMS + "/" + item.id() + ".json",
                item.id(),
                item.name(),
                "{{dc." + item.placeholderKey() + "}}",
                item.defaultLocaleId(),
                false,
                item.createdAt(),
                item.updatedAt(),
                item.variants().stream().map(v -> json(item, v, base)).toList());
    }

    private static VariantJson json(DynamicContentItem item, DynamicContentItem.Variant v, String base) {
        return new VariantJson(
                base + ITEMS + "/" + item.id() + "/variants/" + v.id() + ".json",
                v.id(),
                v.content(),
                v.localeId(),
                false,
                v.active(),
                v.localeId() == item.defaultLocaleId(),
                v.createdAt(),
                v.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
