package hk.smartid.portal.datasharing;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My data sharing" ({@code data-sharing.xhtml}) is only for a signed-in person: a visitor is sent to log in,
 * which in these tests (no IdP reachable) ends on the friendly "try again later" page. Were the page open to
 * visitors, it would render instead, with its own "cannot show" notices.
 */
@RunAsClient
class DataSharingIT extends AbstractPortalIT {

    @Test
    void shouldAskAVisitorToLogInUnderEitherAddress() throws Exception {
        HttpClient browser = newBrowser();
        for (String path : new String[] {"data-sharing", "data-sharing.xhtml"}) {
            HttpResponse<String> page = get(browser, path);

            assertThat(page.statusCode()).as(path).isEqualTo(503);
            assertThat(page.headers().allValues("Location")).as(path).isEmpty();
            assertThat(page.body()).as(path).doesNotContain(message("en", "dataSharing.title"));
            assertFriendlyErrorPage(page, "error.generic.title");
        }
    }
}
