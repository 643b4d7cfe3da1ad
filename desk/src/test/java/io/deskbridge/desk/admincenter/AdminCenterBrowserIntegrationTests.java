package io.deskbridge.desk.admincenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.common.testing.HeadlessChromium;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new admin connects an integration platform in a real (headless) Chromium, as the Admin Center's
 * home page tells them to: sign in, find token access off, turn it on, add a token and copy its
 * value (shown once), use it on the API, turn token access off again; then an agent is refused.
 * Screenshots of every step go to {@code target/screenshots}.
 */
@Tag("h2-only")
class AdminCenterBrowserIntegrationTests extends DeskIntegrationTest {

    private static final String TOKENS_PATH = "/admin/apps-integrations/apis/tokens";
    private static final String CONFIGURATION_PATH = "/admin/apps-integrations/apis/configuration";
    private static final String TOKEN_OFF_WARNING = "API token access is turned off. API tokens cannot be generated,"
            + " and integrations that use API tokens will not work."
            + " Turn on Allow API token access in API configuration first.";
    private static final String SAVED = "Saved. The change applies to the next API request.";
    private static final String ACCESS_DENIED =
            "Only administrators can open the Admin Center. Ask the account owner if you need access.";

    private HeadlessChromium browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startChromium() throws IOException {
        browser = new HeadlessChromium();
        driver = browser.driver();
        wait = browser.await();
    }

    @AfterAll
    void quitChromium() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldLetANewAdminConnectAnIntegrationAndRefuseAnAgent() {
        setAccess(false, false); // a fresh install: API token access is off

        // 1. Sign in through the form.
        driver.get(baseUrl() + "/admin");
        waitForPath("/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to Deskbridge");
        fieldLabelled("Email").sendKeys(OWNER_EMAIL);
        fieldLabelled("Password").sendKeys(OWNER_PASSWORD);
        buttonNamed("Sign in").click();
        waitForPath("/admin");
        screenshot("01-signed-in");
        assertThat(driver.getTitle()).isEqualTo("Home · Deskbridge Admin Center");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Admin Center");
        assertThat(driver.findElement(By.cssSelector("header .who")).getText()).isEqualTo(OWNER_EMAIL);

        // 2. API tokens: token access is off, so there is a warning and nothing to add.
        sidebarLink("API tokens").click();
        waitForPath(TOKENS_PATH);
        screenshot("02-tokens-access-off");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API tokens");
        assertTokenAccessOffWarning();

        // 3. API configuration (the warning's link): tick "Allow API token access", save.
        driver.findElement(By.id("token-access-warning"))
                .findElement(By.linkText("Allow API token access in API configuration"))
                .click();
        waitForPath(CONFIGURATION_PATH);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API configuration");
        WebElement tokenAccess = checkboxLabelled("Allow API token access");
        assertThat(tokenAccess.getDomAttribute("id")).isEqualTo("tokenAccess");
        assertThat(tokenAccess.isSelected()).isFalse();
        assertThat(checkboxLabelled("Allow password access").isSelected()).isFalse();
        tokenAccess.click();
        assertThat(tokenAccess.isSelected()).isTrue();
        screenshot("03-configuration-token-access-ticked");
        mainButtonNamed("Save").click();
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
        screenshot("04-configuration-saved");
        assertThat(saved.getText()).isEqualTo(SAVED);
        assertThat(currentPath()).isEqualTo(CONFIGURATION_PATH);
        assertThat(policy.current().tokenAccess()).isTrue();
        assertThat(policy.current().passwordAccess()).isFalse();
        assertThat(driver.findElement(By.id("tokenAccess")).isSelected()).isTrue();

        // 4. API tokens → Add API token → "Sync platform" → Save: the value is shown once.
        sidebarLink("API tokens").click();
        waitForPath(TOKENS_PATH);
        assertThat(driver.findElements(By.id("token-access-warning"))).isEmpty();
        WebElement add = driver.findElement(By.id("add-token"));
        assertThat(add.getTagName()).isEqualTo("a");
        assertThat(add.getText()).isEqualTo("Add API token");
        assertThat(add.isEnabled()).isTrue();
        add.click();
        waitForPath(TOKENS_PATH + "/new");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Add API token");
        fieldLabelled("Description").sendKeys("Sync platform");
        assertThat(driver.findElements(By.cssSelector("input[name=expiry]:checked")))
                .hasSize(1);
        assertThat(driver.findElement(By.cssSelector("input[name=scope]:checked"))
                        .getDomAttribute("value"))
                .isEqualTo("full");
        assertThat(driver.findElement(By.cssSelector("input[name=authenticatesAs]:checked"))
                        .getDomAttribute("value"))
                .isEqualTo("owner");
        screenshot("05-add-token-form");
        mainButtonNamed("Save").click();
        wait.until(ExpectedConditions.urlMatches("/admin/apps-integrations/apis/tokens/\\d+/issued$"));
        WebElement valueField = driver.findElement(By.id("token-value"));
        String value = SecretLedger.issued(valueField.getDomProperty("value"));
        screenshot("06-token-issued");
        assertThat(value).matches("dsk_[0-9A-Za-z]{38}");
        assertThat(valueField.getDomAttribute("readonly")).isNotNull();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sync platform");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("It will not be shown again");
        WebElement copy = driver.findElement(By.id("copy-token"));
        assertThat(copy.getText()).isEqualTo("Copy");
        copy.click();
        wait.until(ExpectedConditions.textToBe(By.id("copy-token"), "Copied"));
        String issuedPage = driver.getCurrentUrl();

        // 5. The value works on the API, as the admin who created it.
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, value);
        Response me = api.get("/api/v2/users/me", auth);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/user/email").asString()).isEqualTo(OWNER_EMAIL);
        assertThat(me.json().at("/user/role").asString()).isEqualTo("admin");

        // 6. Reload: the value is gone, only its masked form remains.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.masked")));
        screenshot("07-issued-page-reloaded");
        assertThat(driver.getCurrentUrl()).isEqualTo(issuedPage);
        assertThat(driver.getPageSource()).doesNotContain(value);
        assertThat(driver.findElements(By.id("token-value"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("code.masked")).getText())
                .isEqualTo("dsk_…" + value.substring(value.length() - 4));

        // 7. API configuration: untick token access, save: the token stops working.
        sidebarLink("API configuration").click();
        waitForPath(CONFIGURATION_PATH);
        tokenAccess = checkboxLabelled("Allow API token access");
        assertThat(tokenAccess.isSelected()).isTrue();
        tokenAccess.click();
        assertThat(tokenAccess.isSelected()).isFalse();
        mainButtonNamed("Save").click();
        saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
        screenshot("08-configuration-token-access-off");
        assertThat(saved.getText()).isEqualTo(SAVED);
        assertThat(policy.current().tokenAccess()).isFalse();
        assertThat(driver.findElement(By.id("tokenAccess")).isSelected()).isFalse();
        Response refused = api.get("/api/v2/users/me", auth);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
        sidebarLink("API tokens").click();
        waitForPath(TOKENS_PATH);
        screenshot("09-tokens-access-off-again");
        assertTokenAccessOffWarning();
        WebElement row =
                driver.findElement(By.xpath("//table[@id='tokens']//tr[td/a[normalize-space()='Sync platform']]"));
        assertThat(row.findElement(By.cssSelector("code.masked")).getText())
                .isEqualTo("dsk_…" + value.substring(value.length() - 4));
        assertThat(driver.getPageSource()).doesNotContain(value);

        // 8. Sign out; an agent who signs in is refused the Admin Center.
        driver.findElement(By.cssSelector("header form.signout"))
                .findElement(By.xpath(".//button[normalize-space()='Sign out']"))
                .click();
        wait.until(ExpectedConditions.urlContains("/login?signed-out"));
        screenshot("10-signed-out");
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("You have signed out.");
        String agentEmail = "agent-" + UUID.randomUUID() + "@deskbridge.test";
        String agentPassword = SecretLedger.issued("Agent-" + UUID.randomUUID());
        users.create("Agent", agentEmail, Role.AGENT, agentPassword);
        fieldLabelled("Email").sendKeys(agentEmail);
        fieldLabelled("Password").sendKeys(agentPassword);
        buttonNamed("Sign in").click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(baseUrl() + TOKENS_PATH);
        wait.until(ExpectedConditions.titleIs("Access denied · Deskbridge Admin Center"));
        screenshot("11-agent-access-denied");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Access denied");
        assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo(ACCESS_DENIED);
        assertThat(driver.findElements(By.id("add-token"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("nav.sidebar"))).isEmpty();
        DeskClient agentSession = DeskClient.withCookies(baseUrl());
        assertThat(agentSession.signIn(agentEmail, agentPassword).status()).isEqualTo(302);
        Response denied = agentSession.get(TOKENS_PATH, null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains(ACCESS_DENIED);
    }

    private void assertTokenAccessOffWarning() {
        WebElement warning = driver.findElement(By.id("token-access-warning"));
        assertThat(warning.getDomAttribute("role")).isEqualTo("alert");
        assertThat(warning.getText()).isEqualTo(TOKEN_OFF_WARNING);
        WebElement add = driver.findElement(By.id("add-token"));
        assertThat(add.getTagName()).isEqualTo("button");
        assertThat(add.getText()).isEqualTo("Add API token");
        assertThat(add.isEnabled()).isFalse();
        assertThat(driver.findElements(By.linkText("Add API token"))).isEmpty();
    }

    /** The input a {@code <label for>} names, as a screen reader would find it. */
    private WebElement fieldLabelled(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    /** The checkbox inside the label with this text. */
    private WebElement checkboxLabelled(String label) {
        return driver.findElement(By.xpath("//label[normalize-space()='" + label + "']/input[@type='checkbox']"));
    }

    private WebElement buttonNamed(String text) {
        return driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    private WebElement mainButtonNamed(String text) {
        return driver.findElement(By.xpath("//main//form//button[normalize-space()='" + text + "']"));
    }

    private WebElement sidebarLink(String text) {
        return driver.findElement(By.cssSelector("nav.sidebar[aria-label='Admin Center']"))
                .findElement(By.linkText(text));
    }

    private void waitForPath(String path) {
        browser.waitForPath(path);
    }

    private String currentPath() {
        return browser.currentPath();
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
