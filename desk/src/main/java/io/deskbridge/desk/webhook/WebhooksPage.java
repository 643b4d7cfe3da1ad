package io.deskbridge.desk.webhook;

import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.PageQuery;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Admin Center → Apps and integrations → Webhooks: every webhook with its status and failure
 * streak, and per webhook its invocation log (status, attempts, latency, error), newest first.
 */
@Controller
class WebhooksPage {

    static final String PATH = "/admin/apps-integrations/webhooks";
    static final int LIST_LIMIT = 500;
    static final int LOG_LIMIT = 100;

    private final Webhooks webhooks;

    WebhooksPage(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute(
                "webhooks", webhooks.page(WebhookFilter.ALL, PageQuery.offset(KeysetSort.byId(false), 0, LIST_LIMIT)));
        model.addAttribute("allowPrivateTargets", webhooks.allowsPrivateTargets());
        return "webhook/list";
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable String id, Model model) {
        long webhookId = WebhookController.parseId(id);
        List<WebhookInvocation> invocations =
                webhooks.invocations(webhookId, PageQuery.offset(KeysetSort.byId(true), 0, LOG_LIMIT));
        model.addAttribute("webhook", webhooks.get(webhookId));
        model.addAttribute("invocations", invocations);
        model.addAttribute(
                "attempts",
                webhooks.attempts(
                        invocations.stream().map(WebhookInvocation::id).toList()));
        model.addAttribute("total", webhooks.countInvocations(webhookId));
        return "webhook/detail";
    }
}
