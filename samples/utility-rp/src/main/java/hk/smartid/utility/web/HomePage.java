package hk.smartid.utility.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer portal's home page: a "Log in with SmartID" button, or, once logged in, what SmartID told the utility
 * about the customer: a pairwise subject (the same person gets another one at every other business) and how well
 * the identity is assured ({@code acr}).
 */
@Controller
class HomePage {

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser customer, Model model) {
        if (customer != null) {
            model.addAttribute("subject", customer.getSubject());
            model.addAttribute("assurance", customer.getIdToken().getAuthenticationContextClass());
        }
        return "home";
    }
}
