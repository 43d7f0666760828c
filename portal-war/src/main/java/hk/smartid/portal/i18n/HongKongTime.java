package hk.smartid.portal.i18n;

import jakarta.faces.context.FacesContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Instants the IdP gives, shown as Hong Kong time in the reader's language. */
public final class HongKongTime {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private HongKongTime() {
    }

    /** An ISO-8601 instant as the IdP writes it. */
    public static String format(String isoInstant) {
        return format(Instant.parse(isoInstant));
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(instant.atZone(HONG_KONG));
    }
}
