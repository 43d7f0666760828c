package hk.smartid.portal.staff;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.Serializable;

/**
 * The activation code just issued in this view, shown on the same page instead of the forms (never in a URL).
 * Shared by {@link ResidentSearch} (re-issue) and {@link ResidentEnrolment} (new resident).
 */
@Named
@ViewScoped
public class IssuedCode implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The portal's public base URL, set by the platform launcher; the activation link starts with it. */
    static final String PORTAL_URL = "smartid.portal.url";

    private ActivationSlip slip;

    void show(ActivationCodeIssued issued, String residentLanguage) {
        String portalUrl = ConfigProvider.getConfig().getValue(PORTAL_URL, String.class);
        slip = new ActivationSlip(issued, residentLanguage, portalUrl);
    }

    public boolean isPresent() {
        return slip != null;
    }

    public ActivationSlip getSlip() {
        return slip;
    }
}
