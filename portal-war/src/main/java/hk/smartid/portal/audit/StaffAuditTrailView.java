package hk.smartid.portal.audit;

import hk.smartid.portal.login.IdentityProvider;
import hk.smartid.portal.login.IdpAccessToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The staff audit trail for auditors (role {@code auditor}): every staff action the IdP recorded, newest
 * first. Read-only: the IdP offers no way to change an entry, and neither does this page.
 */
@Named
@RequestScoped
public class StaffAuditTrailView {

    private static final Logger LOG = Logger.getLogger(StaffAuditTrailView.class.getName());
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    @Inject
    IdentityProvider identityProvider;

    @Inject
    IdpAccessToken accessToken;

    private List<Entry> entries;
    private boolean unavailable;

    public List<Entry> getEntries() {
        if (entries == null) {
            entries = fetch().orElseGet(() -> {
                unavailable = true;
                return List.of();
            });
        }
        return entries;
    }

    public boolean isUnavailable() {
        getEntries();
        return unavailable;
    }

    private Optional<List<Entry>> fetch() {
        Optional<String> token = accessToken.current();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Client client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS).build();
        try (Jsonb jsonb = JsonbBuilder.create();
             Response response = client.target(identityProvider.realmUrl() + "/staff-audit")
                     .queryParam("max", 200).request(MediaType.APPLICATION_JSON)
                     .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get()).get()) {
            if (response.getStatus() != 200) {
                return Optional.empty();
            }
            AuditLine[] lines = jsonb.fromJson(response.readEntity(String.class), AuditLine[].class);
            return Optional.of(Arrays.stream(lines).map(StaffAuditTrailView::entry).toList());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The IdP's staff audit trail could not be read", e);
            return Optional.empty();
        } finally {
            client.close();
        }
    }

    private static Entry entry(AuditLine line) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(Instant.parse(line.occurredAt).atZone(HONG_KONG));
        return new Entry(when, line.staffUsername, line.branch, line.action, line.residentId, line.outcome, line.detail);
    }

    /** One entry as shown; pages call its accessors as methods (Jakarta EL 5 does not read records). */
    public record Entry(String when, String staff, String branch, String action, String residentId,
                        String outcome, String detail) {
    }

    /** One entry in the IdP's answer. */
    public static class AuditLine {
        public String occurredAt;
        public String action;
        public String staffUsername;
        public String branch;
        public String residentId;
        public String outcome;
        public String detail;
    }
}
