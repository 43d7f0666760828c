package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page, {@code error.xhtml}, with the message {@link ErrorReason} chooses, for pages that do not exist. */
@RunAsClient
class ErrorPageIT extends AbstractPortalIT {

    @Test
    void shouldShowFriendlyNotFoundPageForUnknownPath() throws Exception {
        HttpResponse<String> missing = get(newBrowser(), "no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertFriendlyErrorPage(missing, "error.404.title");
    }

    @Test
    void shouldShowFriendlyNotFoundPageForUnknownFacesView() throws Exception {
        HttpResponse<String> missing = get(newBrowser(), "no-such-page.xhtml");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertFriendlyErrorPage(missing, "error.404.title");
    }
}
