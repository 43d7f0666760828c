package hk.smartid.portal.login;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in page {@code dashboard.xhtml} for a visitor, when {@link IdentityProvider} cannot reach the IdP
 * (in these tests its issuer is an unused port).
 */
@RunAsClient
class DashboardIT extends AbstractPortalIT {

    @Test
    void shouldAnswerServiceUnavailableWhenIdentityProviderIsUnreachable() throws Exception {
        HttpResponse<String> dashboard = get(newBrowser(), "dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(503);
        assertThat(dashboard.headers().allValues("Location")).isEmpty();
        assertFriendlyErrorPage(dashboard, "error.generic.title");
    }
}
