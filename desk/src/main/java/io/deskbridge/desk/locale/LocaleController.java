package io.deskbridge.desk.locale;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/locales...}: read by agents and admins. */
@RestController
class LocaleController {

    private final Locales locales;

    LocaleController(Locales locales) {
        this.locales = locales;
    }

    /** {@code LocalesResponse}: Zendesk does not paginate locales. */
    record LocaleList(List<SupportLocale> locales) {}

    record LocaleEnvelope(SupportLocale locale) {}

    @GetMapping({"/api/v2/locales", "/api/v2/locales/public", "/api/v2/locales/agent"})
    LocaleList list() {
        return new LocaleList(locales.all(base()));
    }

    @GetMapping("/api/v2/locales/current")
    LocaleEnvelope current() {
        return new LocaleEnvelope(locales.current(base()));
    }

    @GetMapping("/api/v2/locales/{idOrCode}")
    LocaleEnvelope show(@PathVariable String idOrCode) {
        return new LocaleEnvelope(locales.get(idOrCode, base()));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
