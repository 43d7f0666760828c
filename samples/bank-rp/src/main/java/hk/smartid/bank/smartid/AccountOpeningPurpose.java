package hk.smartid.bank.smartid;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The purpose the bank registered with SmartID and the data items it covers, read from the bank's own
 * registration request ({@code registration.json}), so what the bank asks for never drifts from what it
 * registered: SmartID refuses a request for an item the purpose does not list.
 */
public record AccountOpeningPurpose(String id, List<String> items) {

    public static final String ID = "account-opening";

    public static AccountOpeningPurpose fromRegistration() {
        try (InputStream in = AccountOpeningPurpose.class.getResourceAsStream("/hk/smartid/bank/registration.json")) {
            if (in == null) {
                throw new IllegalStateException("registration.json is missing from the bank's jar");
            }
            Map<String, Object> registration = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Map<String, Object> purpose : JSONObjectUtils.getJSONObjectArray(registration, "purposes")) {
                if (ID.equals(purpose.get("id"))) {
                    return new AccountOpeningPurpose(ID, List.of(JSONObjectUtils.getStringArray(purpose, "items")));
                }
            }
            throw new IllegalStateException("registration.json has no purpose " + ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("registration.json is not valid: " + e.getMessage(), e);
        }
    }

    /** {@code openid} and the purpose's items: exactly what SmartID lets this purpose ask for. */
    public Scope scope() {
        Scope scope = new Scope(OIDCScopeValue.OPENID);
        items.forEach(scope::add);
        return scope;
    }
}
