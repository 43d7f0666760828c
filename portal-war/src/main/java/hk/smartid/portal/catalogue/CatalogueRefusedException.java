package hk.smartid.portal.catalogue;

/** A catalogue file that cannot be used; the message names the entry at fault (service id, field name). */
public class CatalogueRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CatalogueRefusedException(String message) {
        super(message);
    }
}
