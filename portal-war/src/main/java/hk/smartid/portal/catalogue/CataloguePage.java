package hk.smartid.portal.catalogue;

import hk.smartid.portal.web.NotFound;

/** What the catalogue's pages share: a page for an id that the catalogue does not have is a 404. */
abstract class CataloguePage {

    static void notFound() {
        NotFound.send();
    }
}
