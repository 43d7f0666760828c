package hk.smartid.portal.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The link on the activation slip: {@code <portal base URL>/activate?code=<code>}. */
public final class ActivationLink {

    static final String PATH = "/activate";

    private ActivationLink() {
    }

    public static String of(String portalBaseUrl, String activationCode) {
        String base = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
        return base + PATH + "?code=" + URLEncoder.encode(activationCode, StandardCharsets.UTF_8);
    }
}
