package hk.smartid.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayaraDomainXmlTest {

    /** The shape of a new Payara 6 domain's listeners: the server's config, and a default config left alone. */
    private static final String DOMAIN_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <domain log-root="${com.sun.aas.instanceRoot}/logs">
              <configs>
                <config name="server-config">
                  <network-config>
                    <protocols>
                      <protocol name="http-listener-1">
                        <http max-connections="250" default-virtual-server="server"><file-cache></file-cache></http>
                      </protocol>
                      <protocol security-enabled="true" name="http-listener-2">
                        <http max-connections="250" default-virtual-server="server"><file-cache></file-cache></http>
                      </protocol>
                      <protocol name="admin-listener">
                        <http default-virtual-server="__asadmin" max-connections="250"></http>
                      </protocol>
                    </protocols>
                  </network-config>
                </config>
                <config name="default-config">
                  <network-config>
                    <protocols>
                      <protocol name="http-listener-1"><http default-virtual-server="server"></http></protocol>
                    </protocols>
                  </network-config>
                </config>
              </configs>
            </domain>
            """;

    @Test
    void shouldTurnOffTheServerHeadersOfThePublicListenersOnly(@TempDir Path domain) throws Exception {
        Files.createDirectories(domain.resolve("config"));
        Files.writeString(domain.resolve("config/domain.xml"), DOMAIN_XML);

        PayaraDomainXml.withoutServerHeaders(domain);

        String written = Files.readString(domain.resolve("config/domain.xml"));
        assertThat(written.split("server-header=\"false\"", -1)).hasSize(3);
        assertThat(written.split("xpowered-by=\"false\"", -1)).hasSize(3);
        assertThat(written).contains("log-root=\"${com.sun.aas.instanceRoot}/logs\"");
        assertThat(domain.resolve("config")).isDirectoryNotContaining("glob:**/domain.xml.smartid");
    }

    @Test
    void shouldRefuseADomainWithoutTheExpectedListeners(@TempDir Path domain) throws Exception {
        Files.createDirectories(domain.resolve("config"));
        Files.writeString(domain.resolve("config/domain.xml"), "<domain><configs/></domain>");

        assertThatThrownBy(() -> PayaraDomainXml.withoutServerHeaders(domain))
                .isInstanceOf(PlatformStartException.class).hasMessageContaining("two HTTP listeners");
    }
}
