package hk.smartid.portal.staff;

import hk.smartid.portal.i18n.AllLanguages;
import hk.smartid.portal.i18n.SupportedLanguage;
import hk.smartid.portal.web.QrCode;

import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * The printed slip for a resident: their new activation code, until when it works, the activation link and how
 * to use them, in the resident's preferred language (not the staff member's). Pure: no Faces, no CDI.
 */
public final class ActivationSlip implements Serializable {

    private static final long serialVersionUID = 1L;
    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ActivationCodeIssued issued;
    private final SupportedLanguage language;
    private final String activationLink;

    public ActivationSlip(ActivationCodeIssued issued, String preferredLanguage, String portalBaseUrl) {
        this.issued = issued;
        this.language = SupportedLanguage.fromTag(preferredLanguage).orElse(SupportedLanguage.DEFAULT);
        this.activationLink = ActivationLink.of(portalBaseUrl, issued.activationCode());
    }

    public String getCode() {
        return issued.activationCode();
    }

    /** {@code en}, {@code zh-HK} or {@code zh-CN}: for the slip's {@code lang} attribute. */
    public String getLanguageTag() {
        return language.tag();
    }

    public String getActivationLink() {
        return activationLink;
    }

    /** The expiry in Hong Kong time, e.g. {@code 2026-11-25 20:15}. */
    public String getExpiresAt() {
        return EXPIRY.format(issued.expiresAt().atZone(HONG_KONG));
    }

    /** The slip's texts, {@code staff.slip.*} of the portal bundle in the resident's language. */
    public ResourceBundle getText() {
        return AllLanguages.bundle(language);
    }

    /** The QR code of the activation link, as inline SVG whose accessible name is in the resident's language. */
    public String getQrSvg() {
        return QrCode.svg(activationLink, getText().getString("staff.slip.qrAlt"), "activation-qr");
    }
}
