package io.deskbridge.desk.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin Center → Audit log: who did what, when, from where. */
@Controller
class AuditLogPage {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditLogPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit-log")
    String show(@RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        long count = audit.count(AuditFilter.none());
        model.addAttribute("entries", audit.page(AuditFilter.none(), (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasNext", (long) current * PAGE_SIZE < count);
        return "audit/log";
    }
}
