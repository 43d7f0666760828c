package hk.smartid.e2e;

import org.openqa.selenium.By;

import java.util.Map;

/**
 * A resident applying online with the portal's form (/apply?service=): the fields the digital ID does not fill
 * chosen as given, reviewed, submitted; the receipt names the reference and links to the application.
 */
record OnlineApplication(String id, String reference) {

    /** {@code radioChoices}: field name to the index of the option to choose. */
    static OnlineApplication apply(ResidentBrowser resident, String portal, String serviceId,
                                   Map<String, Integer> radioChoices) {
        resident.open(portal + "/apply?service=" + serviceId);
        resident.testId("page-title");
        radioChoices.forEach((field, option) -> resident.click(By.cssSelector(
                "[data-testid='field-" + field + "'] label[for$=':" + option + "']")));
        resident.click(By.cssSelector("[data-testid='apply-review']"));
        resident.click(By.cssSelector("[data-testid='apply-submit']"));
        String reference = resident.testId("reference").getText().trim();
        String detail = resident.testId("receipt-detail").getAttribute("href");
        return new OnlineApplication(detail.substring(detail.indexOf("id=") + 3), reference);
    }
}
