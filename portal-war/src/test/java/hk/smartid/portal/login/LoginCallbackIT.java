package hk.smartid.portal.login;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The login callback, {@link LoginCallbackServlet}, as {@link OidcLoginMechanism} guards it. */
@RunAsClient
class LoginCallbackIT extends AbstractPortalIT {

    @Test
    void shouldRefuseCallbackWithForgedStateAndLogNobodyIn() throws Exception {
        HttpClient browser = newBrowser();

        HttpResponse<String> callback = get(browser, "callback?code=x&state=forged");

        assertThat(callback.statusCode()).isEqualTo(400);
        assertFriendlyErrorPage(callback, "error.400.title");
        assertThat(callback.headers().allValues("Location")).isEmpty();

        // Whatever cookies the refusal left, they let nobody into the signed-in pages.
        HttpResponse<String> dashboard = get(browser, "dashboard");
        assertThat(dashboard.statusCode()).isNotEqualTo(200);
        assertThat(dashboard.body()).doesNotContain("data-testid=\"resident-name\"");
    }
}
