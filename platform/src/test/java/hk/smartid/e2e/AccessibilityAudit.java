package hk.smartid.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Deque's axe run on the page a browser shows, against WCAG 2.1 level A and AA. Collects every violation of
 * a journey so that one run names them all (rule, impact, the offending elements, the page), then fails.
 */
final class AccessibilityAudit {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final List<String> violations = new ArrayList<>();
    private int pagesChecked;

    /** Checks what {@code browser} shows now; {@code page} names it in the report (with its language). */
    void check(ResidentBrowser browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + page + " at " + browser.url() + ": " + results.getErrorMessage());
        }
        pagesChecked++;
        for (Rule rule : results.getViolations()) {
            StringBuilder finding = new StringBuilder()
                    .append(page).append(" (").append(results.getUrl()).append("): ")
                    .append(rule.getId()).append(" [").append(rule.getImpact()).append("] ").append(rule.getHelp());
            for (CheckedNode node : rule.getNodes()) {
                finding.append("\n      ").append(node.getTarget()).append("  ").append(node.getHtml());
            }
            violations.add(finding.toString());
        }
    }

    /** Fails naming every violation found since the audit began. */
    void assertNoViolations() {
        if (pagesChecked == 0) {
            throw new AssertionError("No page was checked");
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " WCAG 2.1 AA violation(s) on " + pagesChecked
                    + " checked page(s):\n  - " + String.join("\n  - ", violations));
        }
    }
}
