package hk.smartid.portal.developers;

/**
 * What an integration receives: only a login ({@code openid}, pairwise {@code sub}, {@code acr}), or data items for a
 * registered purpose (the banks' profile). The onboarding API takes the value as {@code "profile"}; data sharing is its
 * default and is not named.
 */
public enum IntegrationProfile {
    LOGIN_ONLY("login-only"), DATA_SHARING("data-sharing");

    private final String value;

    IntegrationProfile(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String messageKey() {
        return "developers.profile." + value;
    }

    static IntegrationProfile of(String value) {
        for (IntegrationProfile profile : values()) {
            if (profile.value.equals(value)) {
                return profile;
            }
        }
        return null;
    }
}
