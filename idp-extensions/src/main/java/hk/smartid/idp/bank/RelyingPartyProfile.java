package hk.smartid.idp.bank;

import org.keycloak.models.ClientModel;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a relying party registers for (docs/businesses.md), kept as the client attribute {@code smartid.relying-party}
 * that the realm's client policies select on: data sharing (banks, and businesses that receive person data) is held
 * to the FAPI 2.0 profile of banks; login only to the business profile.
 */
public enum RelyingPartyProfile {

    /** {@code openid}, a pairwise {@code sub} and {@code acr}; no data items, no encryption key. */
    LOGIN_ONLY("login-only", "business"),
    /** Data items for registered purposes, the consent step and the person-data API (Banking Made Easy). */
    DATA_SHARING("data-sharing", BankClient.KIND_BANK);

    private final String registeredName;
    private final String kind;

    RelyingPartyProfile(String registeredName, String kind) {
        this.registeredName = registeredName;
        this.kind = kind;
    }

    /** As a registration names it ({@code "profile": "login-only"}). */
    public String registeredName() {
        return registeredName;
    }

    /** The value of the client attribute {@code smartid.relying-party}. */
    public String kind() {
        return kind;
    }

    static Optional<RelyingPartyProfile> ofRegisteredName(String name) {
        return Arrays.stream(values()).filter(profile -> profile.registeredName.equals(name)).findFirst();
    }

    /** The profile this client was registered with, or empty for a client that is no relying party (the portal, ...). */
    public static Optional<RelyingPartyProfile> of(ClientModel client) {
        String kind = client == null ? null : client.getAttribute(BankClient.KIND_ATTRIBUTE);
        return Arrays.stream(values()).filter(profile -> profile.kind.equals(kind)).findFirst();
    }
}
