package hk.smartid.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe run on the page a browser shows with every rule it has for WCAG 2.0 and 2.1 level A and AA, those axe
 * marks experimental included (such as {@code label-content-name-mismatch}, WCAG 2.5.3, which axe leaves out by
 * default and even when asked for the WCAG tags), and a walk through the page
 * with the Tab key (axe cannot press keys): every visible control is reached, and looks different when focused.
 * Collects every violation of a journey so that one run names them all (rule, impact, the offending elements,
 * the page), then fails.
 */
final class AccessibilityAudit {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The ids of axe's rules with any of {@link #WCAG_21_AA}'s tags, asked of the axe script itself. */
    private static final String WCAG_RULES = "return axe.getRules(arguments[0]).map(rule => rule.ruleId);";

    /** An experimental WCAG rule: if it is not among the rules run, the list above is not what it should be. */
    private static final String EXPERIMENTAL_RULE = "label-content-name-mismatch";

    /**
     * The controls a keyboard user must reach (visible, enabled, not taken out of the tab order), numbered in
     * a data attribute so that two alike (three "Home" links in three languages) stay apart. A radio group is one Tab
     * stop (its checked button, or its first when none is checked; arrow keys move within it).
     */
    private static final String CONTROLS = """
            return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
                .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
                        && getComputedStyle(e).visibility !== 'hidden'
                        && !(e.type === 'radio' && e !== (document.querySelector(`input[type=radio][name="${e.name}"]:checked`)
                                || document.querySelector(`input[type=radio][name="${e.name}"]`))))
                .map((e, i) => { e.dataset.tabWalk = i; return e.outerHTML.substring(0, e.outerHTML.indexOf('>') + 1); });""";

    /**
     * How an element and the two boxes around it look (outline, ring, colours), so that a change on focus shows
     * wherever the theme draws it: our login theme rings the bordered wrapper of a text field, not the field.
     */
    private static final String LOOK = """
            const look = e => [e, e.parentElement, e.parentElement && e.parentElement.parentElement]
                .filter(box => box).map(box => getComputedStyle(box))
                .map(s => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
                           s.borderColor, s.color, s.textDecorationLine].join(' ')).join(' | ');""";

    /** The focused element's number (or its tag, if not a counted control) and its look. */
    private static final String FOCUSED = LOOK + """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            return [e.dataset.tabWalk ?? e.outerHTML.substring(0, e.outerHTML.indexOf('>') + 1), look(e)];""";

    /** The look of control number {@code arguments[0]} without the focus. */
    private static final String UNFOCUSED = LOOK + """
            document.activeElement && document.activeElement.blur();
            return look(document.querySelector(`[data-tab-walk="${arguments[0]}"]`));""";

    private final List<String> violations = new ArrayList<>();
    private int pagesChecked;
    private List<String> wcagRules;

    /** Checks what {@code browser} shows now; {@code page} names it in the report (with its language). */
    void check(ResidentBrowser browser, String page) {
        // Listed by id, the rules run whether or not axe enables them by default.
        Results results = new AxeBuilder().withOnlyRules(wcagRules(browser)).analyze(browser.driver);
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
        walkWithTheTabKey(browser, page);
    }

    @SuppressWarnings("unchecked")
    private List<String> wcagRules(ResidentBrowser browser) {
        if (wcagRules == null) {
            String axe;
            try {
                axe = new AxeBuilder().getAxeScriptProvider().getScript();
            } catch (Exception e) {
                throw new IllegalStateException("axe's script could not be read", e);
            }
            browser.driver.executeScript(axe);
            List<String> rules = List.copyOf((List<String>) browser.driver.executeScript(WCAG_RULES, WCAG_21_AA));
            if (!rules.contains(EXPERIMENTAL_RULE)) {
                throw new IllegalStateException("axe's WCAG rules " + rules + " lack the experimental " + EXPERIMENTAL_RULE);
            }
            wcagRules = rules;
        }
        return wcagRules;
    }

    @SuppressWarnings("unchecked")
    private void walkWithTheTabKey(ResidentBrowser browser, String page) {
        List<String> controls = (List<String>) browser.driver.executeScript(CONTROLS);
        browser.driver.executeScript("document.activeElement && document.activeElement.blur()");
        Map<String, String> reached = new LinkedHashMap<>();
        String previous = null;
        // From wherever the walk starts, Tab goes to the end, round to the top and back: twice the controls at most,
        // and a third time for controls with a stop per part (a date input: day, month and year).
        for (int press = 0; press <= 3 * controls.size() + 4; press++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            List<String> focused = (List<String>) browser.driver.executeScript(FOCUSED);
            if (focused == null) {
                continue;
            }
            if (focused.get(0).equals(previous)) {
                continue; // the next part of the same control
            }
            previous = focused.get(0);
            if (reached.putIfAbsent(focused.get(0), focused.get(1)) != null) {
                break; // round the page and back: no trap
            }
        }
        List<String> unreachable = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) {
            String focusedLook = reached.get(String.valueOf(i));
            if (focusedLook == null) {
                unreachable.add(controls.get(i));
            } else if (focusedLook.equals(browser.driver.executeScript(UNFOCUSED, i))) {
                unmarked.add(controls.get(i));
            }
        }
        if (!unreachable.isEmpty()) {
            violations.add(page + " (" + browser.url() + "): not reachable with the Tab key\n      "
                    + String.join("\n      ", unreachable));
        }
        if (!unmarked.isEmpty()) {
            violations.add(page + " (" + browser.url() + "): no visible focus indicator (WCAG 2.4.7)\n      "
                    + String.join("\n      ", unmarked));
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
