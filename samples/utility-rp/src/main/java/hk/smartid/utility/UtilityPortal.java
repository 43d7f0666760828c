package hk.smartid.utility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Harbour Power's customer portal, a sample electricity utility that logs its customers in with SmartID: Spring Boot
 * and Spring Security's OAuth 2.0 client, configured through standard OIDC discovery (application.properties).
 */
@SpringBootApplication
public class UtilityPortal {

    public static void main(String[] args) {
        SpringApplication.run(UtilityPortal.class, args);
    }
}
