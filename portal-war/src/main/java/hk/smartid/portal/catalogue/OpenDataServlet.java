package hk.smartid.portal.catalogue;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The catalogue published read-only as open data at stable addresses: {@value #JSON} (the accepted catalogue
 * file, in the departments' format) and {@value #CSV} (see {@link OpenData}). Anyone may read them, from any site.
 */
@WebServlet(urlPatterns = {OpenDataServlet.JSON, OpenDataServlet.CSV})
public class OpenDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String JSON = "/open-data/services.json";
    static final String CSV = "/open-data/services.csv";
    /** So that spreadsheet programs read the CSV as UTF-8 (the Chinese texts) rather than a local code page. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @Inject
    transient PortalCatalogue catalogue;

    @Inject
    @ConfigProperty(name = "smartid.portal.url")
    transient Optional<String> portalUrl;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!catalogue.isAvailable()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String body;
        if (JSON.equals(request.getServletPath())) {
            response.setContentType("application/json");
            body = catalogue.json();
        } else {
            response.setContentType("text/csv; header=present");
            response.setHeader("Content-Disposition", "inline; filename=\"services.csv\"");
            String pages = portalUrl.map(url -> url.replaceAll("/+$", "")).orElse(request.getContextPath())
                    + "/services/service?id=";
            body = BYTE_ORDER_MARK + OpenData.csv(catalogue.getContent(), pages);
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "public, max-age=300");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
