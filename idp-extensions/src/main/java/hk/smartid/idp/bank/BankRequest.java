package hk.smartid.idp.bank;

import hk.smartid.idp.assurance.AssuranceLevel;
import org.keycloak.OAuthErrorException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rules a bank's authorization request must meet (docs/banking-made-easy.md), apart from the HTTP. */
public final class BankRequest {

    /** The authorization request parameter naming the registered purpose a request serves. */
    public static final String PURPOSE_PARAMETER = "purpose";

    /** Why a request is refused, as the OAuth error the bank receives. */
    public record Refusal(String error, String description) {
    }

    private BankRequest() {
    }

    /**
     * @param purposes  the bank's registered purposes
     * @param purposeId the request's {@code purpose} parameter
     * @param scope     the request's {@code scope} parameter
     * @param acrValues the request's {@code acr_values} parameter
     */
    public static Optional<Refusal> refusalOf(List<Purpose> purposes, String purposeId, String scope, String acrValues) {
        if (purposeId == null || purposeId.isBlank()) {
            return Optional.of(new Refusal(OAuthErrorException.INVALID_REQUEST,
                    "Missing parameter: purpose (one of " + ids(purposes) + ")"));
        }
        Optional<Purpose> purpose = purposes.stream().filter(p -> p.id().equals(purposeId)).findFirst();
        if (purpose.isEmpty()) {
            return Optional.of(new Refusal(OAuthErrorException.INVALID_REQUEST,
                    "Purpose not registered for this client: " + purposeId + " (registered: " + ids(purposes) + ")"));
        }
        if (acrValues == null || Arrays.stream(acrValues.trim().split("\\s+")).noneMatch(AssuranceLevel.VERIFIED.acr()::equals)) {
            return Optional.of(new Refusal(OAuthErrorException.INVALID_REQUEST,
                    "acr_values must include " + AssuranceLevel.VERIFIED.acr()));
        }
        List<String> notAllowed = scope == null ? List.of() : Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> !s.isEmpty() && !s.equals("openid"))
                .filter(s -> DataItem.ofScope(s).map(item -> !purpose.get().allows(item)).orElse(true))
                .toList();
        if (!notAllowed.isEmpty()) {
            return Optional.of(new Refusal(OAuthErrorException.INVALID_SCOPE,
                    "Purpose " + purposeId + " does not allow: " + String.join(" ", notAllowed)));
        }
        return Optional.empty();
    }

    private static String ids(List<Purpose> purposes) {
        return String.join(", ", purposes.stream().map(Purpose::id).toList());
    }
}
