package hk.smartid.idp;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static hk.smartid.idp.StaffConsoleClient.enrolment;
import static hk.smartid.idp.StaffConsoleClient.randomHkid;
import static hk.smartid.idp.StaffConsoleClient.randomMobile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several counters enrolling the same person at the same moment: each request passes the API's search for an
 * existing account before any of them has committed, so only the database's HKID register can keep the rule
 * that a number belongs to at most one account.
 */
@ExtendWith(RunningPlatform.class)
class ConcurrentEnrolmentIT {

    private static final int COUNTERS = 8;

    private final Platform platform;
    private final KeycloakAdmin admin;

    ConcurrentEnrolmentIT(Platform platform) throws Exception {
        this.platform = platform;
        this.admin = new KeycloakAdmin(platform);
    }

    @Test
    void shouldEnrolTheSameHkidNumberOnceWhenCountersEnrolItAtTheSameMoment() throws Exception {
        String hkid = randomHkid();
        // A branch of its own, to find exactly these calls in the audit trail.
        String branch = "Race " + randomMobile();
        StaffConsoleClient staff = StaffConsoleClient.forCounterStaff(platform, branch);

        List<HttpResponse<String>> answers = enrolAtOnce(staff, hkid);

        assertThat(answers).extracting(HttpResponse::statusCode).filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).extracting(HttpResponse::statusCode).filteredOn(status -> status == 409)
                .hasSize(COUNTERS - 1);
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 409) {
                assertThat(JSONObjectUtils.parse(answer.body()).get("error")).isEqualTo("hkid_already_enrolled");
            }
        }
        List<Object> holders = admin.array("/users?q=" + URLEncoder.encode(
                "hkid_number:" + HkidNumber.of(hkid), StandardCharsets.UTF_8));
        assertThat(holders).hasSize(1);
        String holderId = (String) ((Map<?, ?>) holders.get(0)).get("id");
        String enrolledId = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst()
                .map(answer -> (String) parse(answer.body()).get("residentId")).orElseThrow();
        assertThat(holderId).isEqualTo(enrolledId);

        List<Map<?, ?>> trail = auditOf(branch);
        assertThat(trail).filteredOn(e -> "SUCCESS".equals(e.get("outcome"))).hasSize(1);
        assertThat(trail).filteredOn(e -> "DUPLICATE".equals(e.get("outcome"))).hasSize(COUNTERS - 1)
                .allSatisfy(e -> assertThat(e.get("action")).isEqualTo("ENROL"));
    }

    /** {@value #COUNTERS} enrolments of {@code hkid}, each with its own mobile number, released together. */
    private static List<HttpResponse<String>> enrolAtOnce(StaffConsoleClient staff, String hkid) throws Exception {
        ExecutorService counters = Executors.newFixedThreadPool(COUNTERS);
        try {
            CountDownLatch ready = new CountDownLatch(COUNTERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < COUNTERS; i++) {
                String request = enrolment(hkid, "1990-07-01", randomMobile());
                pending.add(counters.submit(() -> {
                    ready.countDown();
                    go.await();
                    return staff.postEnrolment(request);
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            counters.shutdownNow();
        }
    }

    private List<Map<?, ?>> auditOf(String branch) throws Exception {
        HttpResponse<String> trail = StaffConsoleClient.withRole(platform, "auditor", null).auditTrail();
        assertThat(trail.statusCode()).isEqualTo(200);
        return JSONArrayUtils.parse(trail.body()).stream().<Map<?, ?>>map(entry -> (Map<?, ?>) entry)
                .filter(entry -> branch.equals(entry.get("branch"))).toList();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
