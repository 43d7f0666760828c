package hk.smartid.portal.catalogue;

/** The identity an e-service needs: a self-registered login, or one a counter checked. */
public enum Assurance {
    BASIC("basic", "loa-basic"),
    VERIFIED("verified", "loa-verified");

    private final String value;
    private final String levelOfAssurance;

    Assurance(String value, String levelOfAssurance) {
        this.value = value;
        this.levelOfAssurance = levelOfAssurance;
    }

    /** As written in services.json. */
    public String value() {
        return value;
    }

    /** The {@code acr} value a resident's login must have. */
    public String levelOfAssurance() {
        return levelOfAssurance;
    }
}
