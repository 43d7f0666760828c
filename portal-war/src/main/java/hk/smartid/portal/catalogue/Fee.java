package hk.smartid.portal.catalogue;

import java.io.Serializable;

/** What an application costs (0 when free), and a note on its variants. */
public record Fee(long amountHkd, TrilingualText note) implements Serializable {

    public boolean free() {
        return amountHkd == 0;
    }
}
