package hk.smartid.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.File;
import java.time.Duration;

/**
 * A resident's browser: Debian's Chromium, headless, with a WebAuthn virtual authenticator standing in
 * for the platform authenticator of a phone or laptop (internal transport, resident keys, user
 * verification by fingerprint or screen lock that always succeeds). Public for the IdP tests that need a
 * resident's real token, which only a browser login gives.
 */
public final class ResidentBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final By PASSKEY_NAME = By.id("smartid-passkey-name");

    public final ChromeDriver driver;
    VirtualAuthenticator authenticator;

    public ResidentBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=412,915", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        authenticator = platformAuthenticator();
    }

    /** The same browser on a new phone: the old authenticator (and its passkeys) is gone, a fresh one is there. */
    void switchToNewDevice() {
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        authenticator = platformAuthenticator();
    }

    private VirtualAuthenticator platformAuthenticator() {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    /**
     * From the IdP's passkey login page, fills the self-registration form; leaves the browser on the
     * page that asks for a new passkey.
     */
    public void startRegistration(String contact, String displayName) {
        click(By.cssSelector("#kc-registration a"));
        find(By.id("username")).sendKeys(contact);
        find(By.id("firstName")).sendKeys(displayName);
        click(By.cssSelector("#kc-form-buttons [type=submit]"));
        find(By.id("registerWebAuthn"));
    }

    /**
     * Opens the activation link of a counter's slip (what its QR code holds) and types what the slip and
     * the HKID card say; the code arrives pre-filled from the link.
     */
    public void activate(String portal, String hkid, String birth, String code) {
        open(portal + "/activate?code=" + code);
        if (!find(By.id("activationCode")).getAttribute("value").equals(code)) {
            throw new AssertionError("The activation link did not pre-fill the code");
        }
        submitActivation(hkid, birth, code);
    }

    void submitActivation(String hkid, String birth, String code) {
        for (String[] field : new String[][] {{"hkidNumber", hkid}, {"dateOfBirth", birth}, {"activationCode", code}}) {
            WebElement input = find(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        // The form posts and a new page replaces this one; waiting for that keeps the next look from finding
        // the previous page's error message.
        WebElement page = driver.findElement(By.tagName("html"));
        click(By.id("smartid-activate"));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page));
    }

    /** On the IdP's "create a passkey" page: creates the passkey, named "Test passkey". */
    public void registerPasskey() {
        registerPasskey("Test passkey");
    }

    /**
     * On the IdP's "create a passkey" page: types {@code name} into the passkey name field and creates the
     * passkey on this browser's authenticator. Were a window.prompt pop-up to appear, WebDriver would
     * dismiss it and fail the next command.
     */
    public void registerPasskey(String name) {
        WebElement field = find(PASSKEY_NAME);
        field.clear();
        field.sendKeys(name);
        click(By.id("registerWebAuthn"));
    }

    /** On the IdP's passkey page: signs in with this browser's passkey (the virtual authenticator answers). */
    public void confirmWithPasskey() {
        click(By.id("authenticateWebAuthnButton"));
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        try {
            // A page replaced while it is looked at (a form post re-rendering it) makes Chrome report the old
            // node as gone; that is a moment to look again, not a failure.
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the person would have seen instead.
            throw new AssertionError("No " + by + " on " + url() + " showing:\n" + pageText(), e);
        }
    }

    public WebElement testId(String id) {
        return find(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** Waits until the element has this attribute value, looking again when a re-render replaced the element. */
    public void awaitAttribute(By by, String attribute, String value) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> value.equals(d.findElement(by).getAttribute(attribute)));
    }

    /** Waits until the element shows text containing {@code expected}, looking again when the page replaced it. */
    public void awaitTextContaining(By by, String expected) {
        try {
            new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> d.findElement(by).getText().contains(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No \"" + expected + "\" in " + by + " on " + url() + " showing:\n" + pageText(), e);
        }
    }

    /**
     * Logs out with the header's button and waits until the redirects (the portal, the IdP's end of session, the
     * portal's home) have ended: opening another page before then races the last redirect, which may win.
     */
    public void logOut() {
        click(By.cssSelector("[data-testid='logout']"));
        testId("login");
    }

    /**
     * Clicks, and when the click posts a portal form back (every portal button is a full JSF post, none is AJAX) waits
     * until the browser has left the page: Chromium may start the form's navigation after the click has returned, and
     * a test reading the page before then finds the old page's elements (the same error or message as the new page's)
     * and then loses them mid-read.
     */
    public void click(By by) {
        WebElement element = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
        boolean postsBack = Boolean.TRUE.equals(driver.executeScript(MARK_PAGE_IF_POSTS_BACK, element));
        element.click();
        if (postsBack) {
            // The mark is gone with the old page's window; while the page is being replaced a script may fail.
            new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                    driver.executeScript("return window.smartidPageBeforeClick === undefined;")));
        }
    }

    /**
     * Whether clicking the element submits a JSF form the browser's own validation lets through; if so, marks the
     * page's window, so that a new page is told from this one.
     */
    private static final String MARK_PAGE_IF_POSTS_BACK = """
            const control = arguments[0];
            const form = control.form || control.closest('form');
            if (!form || !form.querySelector("input[name='jakarta.faces.ViewState']")) return false;
            let postsBack;
            if (control.tagName === 'A') {
                const href = control.getAttribute('href') || '';
                postsBack = control.hasAttribute('onclick') || (href !== '' && !href.startsWith('#'));
            } else {
                postsBack = control.type === 'submit'
                        && (form.noValidate || control.formNoValidate || form.checkValidity());
            }
            if (postsBack) window.smartidPageBeforeClick = true;
            return postsBack;
            """;

    public void awaitUrlStartingWith(String prefix) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Never reached " + prefix + "; still on " + url() + " showing:\n" + pageText(), e);
        }
    }

    WebDriver.Navigation navigate() {
        return driver.navigate();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
