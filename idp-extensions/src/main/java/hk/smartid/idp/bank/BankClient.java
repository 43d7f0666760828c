package hk.smartid.idp.bank;

import hk.smartid.idp.realm.Language;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.core.type.TypeReference;
import org.keycloak.models.ClientModel;
import org.keycloak.util.JsonSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A relying party registered as a bank (docs/banking-made-easy.md), read from its Keycloak client attributes. */
public final class BankClient {

    public static final String KIND_ATTRIBUTE = "smartid.relying-party";
    public static final String KIND_BANK = "bank";
    public static final String NAME_ATTRIBUTE_PREFIX = "smartid.name.";
    public static final String PURPOSES_ATTRIBUTE = "smartid.purposes";

    private final ClientModel client;

    private BankClient(ClientModel client) {
        this.client = client;
    }

    /** The bank this client is, or empty for any other client (the portal, admin-cli, ...). */
    public static Optional<BankClient> of(ClientModel client) {
        return client != null && KIND_BANK.equals(client.getAttribute(KIND_ATTRIBUTE))
                ? Optional.of(new BankClient(client)) : Optional.empty();
    }

    public ClientModel client() {
        return client;
    }

    public String clientId() {
        return client.getClientId();
    }

    /** The bank's name in the reader's language tag, falling back to English. */
    public String nameIn(String languageTag) {
        return nameIn(client, languageTag);
    }

    /** The name in every registered language, keyed by language tag. */
    public Map<String, String> names() {
        return namesOf(client);
    }

    /** The registered names of any relying party (bank or business), keyed by language tag. */
    static Map<String, String> namesOf(ClientModel client) {
        return Language.TAGS.stream().collect(Collectors.toMap(Function.identity(), language -> nameIn(client, language)));
    }

    private static String nameIn(ClientModel client, String languageTag) {
        String name = client.getAttribute(NAME_ATTRIBUTE_PREFIX + languageTag);
        return name != null ? name : client.getAttribute(NAME_ATTRIBUTE_PREFIX + "en");
    }

    public List<Purpose> purposes() {
        String json = client.getAttribute(PURPOSES_ATTRIBUTE);
        if (json == null) {
            return List.of();
        }
        try {
            List<RegisteredPurpose> registered = JsonSerialization.readValue(json, new TypeReference<>() {
            });
            return registered.stream().map(RegisteredPurpose::toPurpose).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Client " + client.getClientId() + " has unreadable purposes", e);
        }
    }

    public Optional<Purpose> purpose(String id) {
        return purposes().stream().filter(purpose -> purpose.id().equals(id)).findFirst();
    }

    /** Purposes as stored in the client attribute: items by scope name. */
    public record RegisteredPurpose(String id, Map<String, String> statement, List<String> items) {

        Purpose toPurpose() {
            return new Purpose(id, statement, items.stream()
                    .map(scope -> DataItem.ofScope(scope).orElseThrow(
                            () -> new IllegalStateException("Unknown data item " + scope)))
                    .toList());
        }

        public static String toJson(List<RegisteredPurpose> purposes) {
            try {
                return JsonSerialization.writeValueAsString(purposes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
