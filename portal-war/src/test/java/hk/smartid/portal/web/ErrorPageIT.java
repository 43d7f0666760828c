package hk.smartid.portal.web;

import hk.smartid.portal.AbstractPortalIT;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page, {@code error.xhtml}, with the message {@link ErrorReason} chooses: for pages that do not exist,
 * and for a form whose view state the server never issued (posted normally or by Ajax).
 */
@RunAsClient
class ErrorPageIT extends AbstractPortalIT {

    private static final Pattern REDIRECT = Pattern.compile("<redirect url=\"([^\"]+)\"");

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

    @Test
    void shouldShowExpiredPageForFormWithForgedViewState() throws Exception {
        HttpResponse<String> posted = ForgedViewState.post(this, newBrowser(), false);

        assertFriendlyErrorPage(posted, "error.expired.title");
    }

    @Test
    void shouldAnswerAjaxRequestWithForgedViewStateWithFriendlyPage() throws Exception {
        HttpClient browser = newBrowser();
        HttpResponse<String> answer = ForgedViewState.post(this, browser, true);

        // Faces' Ajax answer: a redirect the page's script follows, and nothing naming the exception.
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<?xml").contains("<partial-response").doesNotContain("<error");
        assertNoStackTrace(answer.body());
        Matcher redirect = REDIRECT.matcher(answer.body());
        assertThat(redirect.find()).as(answer.body()).isTrue();
        URI errorPage = answer.uri().resolve(redirect.group(1).replace("&amp;", "&"));
        assertThat(errorPage.getAuthority()).isEqualTo(answer.uri().getAuthority());

        HttpResponse<String> shown = send(browser, request(errorPage).GET().build());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertFriendlyErrorPage(shown, "error.expired.title");
    }
}
