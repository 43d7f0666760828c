package hk.smartid.bank;

import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample bank starts with the platform, in its own process, on the IdP's port + 100. */
@ExtendWith(RunningPlatform.class)
class SampleBankIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI bank;

    SampleBankIT(Platform platform) {
        this.bank = platform.settings().bankUrl();
    }

    @Test
    void shouldOfferAccountOpeningWithSmartIdInTheBrowsersLanguage() throws Exception {
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(bank.resolve("/"))
                .header("Accept-Language", "zh-HK").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"zh-HK\">", "href=\"/open-account\"", "使用 SmartID 開立帳戶");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void shouldPublishItsSigningAndEncryptionKeysOnly() throws Exception {
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(bank.resolve("/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"use\":\"sig\"", "\"use\":\"enc\"").doesNotContain("\"d\"", "\"crv\"");
    }
}
