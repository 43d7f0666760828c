package hk.smartid.e2e;

import org.openqa.selenium.By;

import java.util.Map;

/**
 * A resident applying online with the portal's form (/apply?service=): the fields the digital ID does not fill
 * chosen as given, reviewed, submitted; the receipt (/receipt?id=) names the reference.
 */
record OnlineApplication(String id, String reference) {

    /** {@code radioChoices}: field name to the index of the option to choose (the digital ID fills the others). */
    static OnlineApplication apply(ResidentBrowser resident, String portal, String serviceId,
                                   Map<String, Integer> radioChoices) {
        resident.open(portal + "/apply?service=" + serviceId);
        resident.testId("apply-review");
        radioChoices.forEach((field, option) -> {
            resident.testId("field-" + field);
            resident.driver.findElements(By.cssSelector("[data-testid='field-" + field + "'] label")).get(option).click();
        });
        resident.click(By.cssSelector("[data-testid='apply-review']"));
        resident.click(By.cssSelector("[data-testid='apply-submit']"));
        resident.awaitUrlStartingWith(portal + "/receipt?id=");
        String reference = resident.testId("reference").getText().trim();
        return new OnlineApplication(resident.url().substring(resident.url().indexOf("id=") + 3), reference);
    }
}
