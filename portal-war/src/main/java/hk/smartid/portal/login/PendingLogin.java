package hk.smartid.portal.login;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.io.Serializable;

/** What the portal must remember between sending a browser to the IdP and its return to the callback. */
record PendingLogin(String state, String nonce, String codeVerifier, String returnTo) implements Serializable {

    static PendingLogin startingNow(String returnTo) {
        return new PendingLogin(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(),
                returnTo);
    }
}
