package hk.smartid.portal.developers;

import hk.smartid.portal.idp.IdpOnboarding;
import hk.smartid.portal.idp.IdpResult;
import hk.smartid.portal.login.SignedInResident;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creating an integration (/developers/new): checked by the portal, then recorded and registered at once in the
 * sandbox realm through the onboarding API, both or neither ({@link DeveloperIntegrations#registerAndRecord}). A
 * refusal of the API is shown at the field it names.
 */
@Named
@ViewScoped
public class IntegrationForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IntegrationForm.class.getName());

    @Inject
    DeveloperIntegrations integrations;

    @Inject
    IdpOnboarding onboarding;

    @Inject
    SignedInResident resident;

    private String nameEn;
    private String nameZhHk;
    private String nameZhCn;
    private String profile = IntegrationProfile.DATA_SHARING.value();
    private String purposeId;
    private String purposeEn;
    private String purposeZhHk;
    private String purposeZhCn;
    private List<String> items = new ArrayList<>();
    private String redirectUris;
    private String postLogoutRedirectUris;
    private String backchannelLogoutUri;
    private String jwksKind = "url";
    private String jwksUri;
    private String jwksJson;
    private final FormErrors errors = new FormErrors();

    /** f:viewAction: a business without a declared organisation declares it first. */
    public String load() {
        String owner = Representative.verified(resident).orElse(null);
        if (owner != null && integrations.organisationOf(owner).isEmpty()) {
            return "/developers/index?faces-redirect=true";
        }
        return null;
    }

    public String create() {
        String owner = Representative.verified(resident).orElse(null);
        if (owner == null) {
            return null;
        }
        if (integrations.organisationOf(owner).isEmpty()) {
            return "/developers/index?faces-redirect=true";
        }
        errors.clear();
        IntegrationRequest request = new IntegrationRequest(nameEn, nameZhHk, nameZhCn, IntegrationProfile.of(profile),
                purposeId, purposeEn, purposeZhHk, purposeZhCn, items, redirectUris, postLogoutRedirectUris,
                backchannelLogoutUri, jwksKind, jwksUri, jwksJson);
        request.problems().forEach(errors::put);
        if (!errors.isEmpty()) {
            return null;
        }
        DeveloperIntegrations.ClientIds ids = DeveloperIntegrations.newClientIds();
        IdpResult<IdpOnboarding.Registered> registered;
        try {
            Integration integration = integrations.registerAndRecord(owner, request, ids, chosen -> onboarding.register(
                    IdpOnboarding.Realm.SANDBOX, IntegrationRequest.registrationFor(request.registrationJson(), chosen.sandbox())));
            LOG.info(() -> "Sandbox integration " + ids.sandbox() + " registered for " + owner);
            return "/developers/integration?faces-redirect=true&created=1&id=" + integration.getId();
        } catch (DeveloperIntegrations.NotRegistered refused) {
            registered = refused.answer();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "integration " + ids.sandbox() + " of " + owner + " not recorded (nothing registered)", e);
            errors.put("form", "developers.error.notRecorded");
            return null;
        }
        if (registered instanceof IdpResult.FieldErrors<IdpOnboarding.Registered> refused) {
            if (refused.fields().isEmpty()) {
                errors.put("form", "developers.error.sandboxRefused");
            }
            refused.fields().forEach((path, reason) -> errors.put(fieldOf(path), "developers.error.idp", reason));
            return null;
        }
        errors.put("form", "developers.error.sandboxUnavailable");
        return null;
    }

    /** The form field an onboarding API field path ({@code redirectUris[1]}, {@code jwks.keys[0]}) belongs to. */
    static String fieldOf(String path) {
        String root = path.split("[.\\[]", 2)[0];
        return switch (root) {
            case "name" -> path.endsWith("zh-HK") ? "nameZhHk" : path.endsWith("zh-CN") ? "nameZhCn" : "nameEn";
            case "redirectUris" -> "redirectUris";
            case "postLogoutRedirectUris" -> "postLogoutRedirectUris";
            case "backchannelLogoutUri" -> "backchannelLogoutUri";
            case "jwksUri" -> "jwksUri";
            case "jwks", "tokenEndpointAuthSigningAlg" -> "jwksJson";
            case "purposes" -> path.contains(".statement.zh-HK") ? "purposeZhHk" : path.contains(".statement.zh-CN")
                    ? "purposeZhCn" : path.contains(".statement") ? "purposeEn" : path.endsWith(".id") ? "purposeId"
                    : path.endsWith(".items") ? "items" : "profile";
            case "profile" -> "profile";
            default -> "form";
        };
    }

    public List<String> getDataItems() {
        return IntegrationRequest.DATA_ITEMS;
    }

    public FormErrors getErrors() {
        return errors;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameZhHk() {
        return nameZhHk;
    }

    public void setNameZhHk(String nameZhHk) {
        this.nameZhHk = nameZhHk;
    }

    public String getNameZhCn() {
        return nameZhCn;
    }

    public void setNameZhCn(String nameZhCn) {
        this.nameZhCn = nameZhCn;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getPurposeId() {
        return purposeId;
    }

    public void setPurposeId(String purposeId) {
        this.purposeId = purposeId;
    }

    public String getPurposeEn() {
        return purposeEn;
    }

    public void setPurposeEn(String purposeEn) {
        this.purposeEn = purposeEn;
    }

    public String getPurposeZhHk() {
        return purposeZhHk;
    }

    public void setPurposeZhHk(String purposeZhHk) {
        this.purposeZhHk = purposeZhHk;
    }

    public String getPurposeZhCn() {
        return purposeZhCn;
    }

    public void setPurposeZhCn(String purposeZhCn) {
        this.purposeZhCn = purposeZhCn;
    }

    public List<String> getItems() {
        return items;
    }

    public void setItems(List<String> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPostLogoutRedirectUris() {
        return postLogoutRedirectUris;
    }

    public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
        this.postLogoutRedirectUris = postLogoutRedirectUris;
    }

    public String getBackchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    public void setBackchannelLogoutUri(String backchannelLogoutUri) {
        this.backchannelLogoutUri = backchannelLogoutUri;
    }

    public String getJwksKind() {
        return jwksKind;
    }

    public void setJwksKind(String jwksKind) {
        this.jwksKind = jwksKind;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getJwksJson() {
        return jwksJson;
    }

    public void setJwksJson(String jwksJson) {
        this.jwksJson = jwksJson;
    }
}
