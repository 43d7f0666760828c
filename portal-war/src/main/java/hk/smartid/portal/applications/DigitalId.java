package hk.smartid.portal.applications;

import hk.smartid.portal.catalogue.PrefillAttribute;
import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in resident's digital-ID attributes as the IdP has them at this moment ({@code digital-id/attributes},
 * asked with the resident's own token), for e-ME form filling: asked when a form is opened and again when it is
 * submitted, never kept beyond the form.
 */
@RequestScoped
public class DigitalId {

    static final String PATH = "digital-id/attributes";

    @Inject
    IdpClient idp;

    public IdpResult<Attributes> attributes() {
        return idp.get(PATH, Map.of(), Attributes.class);
    }

    /** The IdP's answer: {@code {"assuranceLevel": ..., "attributes": [{"name", "value", "verified"}]}}. */
    public static class Attributes implements Serializable {
        private static final long serialVersionUID = 1L;
        public String assuranceLevel;
        public List<Attribute> attributes;

        /** The resident's value of {@code attribute}, empty when the IdP has none. */
        public Optional<Attribute> of(PrefillAttribute attribute) {
            return attributes == null ? Optional.empty() : attributes.stream()
                    .filter(a -> attribute.attribute().equals(a.name) && a.value != null && !a.value.isBlank())
                    .findFirst();
        }
    }

    /** One attribute: its value and whether a counter verified it. */
    public static class Attribute implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public String value;
        public boolean verified;
    }
}
