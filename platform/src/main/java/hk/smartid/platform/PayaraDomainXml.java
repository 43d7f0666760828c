package hk.smartid.platform;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Settings written into a new Payara domain's {@code config/domain.xml} before the domain first starts. Setting them
 * with {@code asadmin set} on the running domain restarts its HTTP listeners, and once in a while a listener did not
 * come back ({@code GrizzlyProxy is NULL} in the server log, the portal never answering on its port).
 */
final class PayaraDomainXml {

    private static final String HTTP_OF_PUBLIC_LISTENERS = "/domain/configs/config[@name='server-config']/network-config"
            + "/protocols/protocol[@name='http-listener-1' or @name='http-listener-2']/http";

    private PayaraDomainXml() {
    }

    /** The domain's public listeners send no {@code Server} or {@code X-Powered-By} header naming Payara or the JDK. */
    static void withoutServerHeaders(Path domainDir) {
        Path domainXml = domainDir.resolve("config/domain.xml");
        try {
            DocumentBuilderFactory parsers = DocumentBuilderFactory.newInstance();
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document domain = parsers.newDocumentBuilder().parse(domainXml.toFile());
            NodeList listeners = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(HTTP_OF_PUBLIC_LISTENERS, domain, XPathConstants.NODESET);
            if (listeners.getLength() != 2) {
                throw new PlatformStartException("Payara's domain.xml does not have the two HTTP listeners expected: "
                        + domainXml);
            }
            for (int i = 0; i < listeners.getLength(); i++) {
                Element http = (Element) listeners.item(i);
                http.setAttribute("server-header", "false");
                http.setAttribute("xpowered-by", "false");
            }
            Path written = domainXml.resolveSibling("domain.xml.smartid");
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(domain), new StreamResult(written.toFile()));
            Files.move(written, domainXml, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (PlatformStartException e) {
            throw e;
        } catch (Exception e) {
            throw new PlatformStartException("Cannot write the server-header settings into " + domainXml, e);
        }
    }
}
