package io.deskbridge.desk.ticket;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The HTML a comment may keep, applied when a comment's {@code html_body} is stored (OWASP Java HTML
 * Sanitizer). Decision: an allow-list like Zendesk's rich-text comments — text formatting, blocks,
 * lists, tables, links and images over http(s) (links also mailto), {@code class} and {@code dir} —
 * and nothing that runs: no {@code <script>}, {@code <style>}, {@code <iframe>}, forms, {@code on*}
 * handlers or {@code javascript:}/{@code data:} URLs. Zendesk stores comments sanitised the same way;
 * what is removed is gone, what is kept is served as stored.
 */
final class CommentHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("div", "span", "pre", "code", "hr", "br", "del", "ins", "s", "sup", "sub")
                    .allowAttributes("class", "dir")
                    .globally()
                    .toFactory());

    private CommentHtml() {}

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
