package hk.smartid.portal.web;

import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers the current Faces request with a 404 (the trilingual error page): an id in a URL or a postback that
 * names nothing this reader may see, whether it does not exist or belongs to someone else.
 */
public final class NotFound {

    private NotFound() {
    }

    public static void send() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
