package hk.smartid.portal.audit;

import hk.smartid.portal.i18n.HongKongTime;
import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpOutcomes;
import hk.smartid.portal.idp.IdpResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The staff audit trail for auditors (role {@code auditor}): every staff action the IdP recorded, newest
 * first. Read-only: the IdP offers no way to change an entry, and neither does this page.
 */
@Named
@RequestScoped
public class StaffAuditTrailView {

    private static final String PAGE = "/audit/index";

    @Inject
    IdpClient idp;

    private List<Entry> entries;
    private boolean unavailable;

    public List<Entry> getEntries() {
        if (entries == null) {
            IdpResult<AuditLine[]> answer = idp.get("staff-audit", Map.of("max", 200), AuditLine[].class);
            if (answer instanceof IdpResult.Success<AuditLine[]> success) {
                entries = Arrays.stream(success.value()).map(StaffAuditTrailView::entry).toList();
            } else {
                IdpOutcomes.sentToLogin(answer, PAGE);
                unavailable = true;
                entries = List.of();
            }
        }
        return entries;
    }

    /** Before the page renders ({@code preRenderView}): asks the IdP while a login can still be asked for. */
    public void load() {
        getEntries();
    }

    public boolean isUnavailable() {
        getEntries();
        return unavailable;
    }

    private static Entry entry(AuditLine line) {
        return new Entry(HongKongTime.format(line.occurredAt), line.staffUsername, line.branch, line.action,
                line.residentId, line.outcome, line.detail);
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
