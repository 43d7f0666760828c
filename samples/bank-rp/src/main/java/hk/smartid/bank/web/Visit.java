package hk.smartid.bank.web;

import hk.smartid.bank.smartid.ReleasedPerson;
import hk.smartid.bank.smartid.SmartIdClient;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** One person's visit to the bank (kept in memory, found by an HttpOnly cookie). */
final class Visit {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Sent back with every form, so another site cannot post forms in this person's name. */
    private final String formToken = randomToken();
    private Instant lastSeen = Instant.now();
    private SmartIdClient.PendingLogin pendingLogin;
    private SmartIdClient.SignedIn signedIn;
    private ReleasedPerson person;
    private boolean refused;

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    synchronized void seen() {
        lastSeen = Instant.now();
    }

    synchronized boolean idleSince(Instant time) {
        return lastSeen.isBefore(time);
    }

    String formToken() {
        return formToken;
    }

    boolean formTokenMatches(String token) {
        return token != null && MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void begin(SmartIdClient.PendingLogin pending) {
        pendingLogin = pending;
        signedIn = null;
        person = null;
        refused = false;
    }

    /** The pending login, once: a callback can be used only one time. */
    synchronized SmartIdClient.PendingLogin takePendingLogin() {
        SmartIdClient.PendingLogin pending = pendingLogin;
        pendingLogin = null;
        return pending;
    }

    synchronized void signedIn(SmartIdClient.SignedIn signedIn, ReleasedPerson person) {
        this.signedIn = signedIn;
        this.person = person;
        this.refused = false;
    }

    synchronized void released(ReleasedPerson person) {
        this.person = person;
        this.refused = false;
    }

    /** SmartID refused the data: forget what it shared before, it may no longer be used. */
    synchronized void refused() {
        this.person = null;
        this.refused = true;
    }

    synchronized SmartIdClient.SignedIn signedIn() {
        return signedIn;
    }

    synchronized ReleasedPerson person() {
        return person;
    }

    synchronized boolean wasRefused() {
        return refused;
    }
}
