package hk.smartid.bank.web;

import hk.smartid.bank.smartid.ReleasedPerson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void shouldEscapeEveryCharacterThatCouldEndTextOrAnAttribute() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("陳大文")).isEqualTo("陳大文");
    }

    @Test
    void shouldShowReleasedValuesEscapedAndKeepVerifiedOnesReadOnly() {
        ReleasedPerson person = new ReleasedPerson("d-1\"><b>", "loa-verified", Map.of(
                "hkid_number", new ReleasedPerson.Value("A123456(3)", true),
                "residential_address", new ReleasedPerson.Value("Flat A, \"Rose\" <Court>", true),
                "email", new ReleasedPerson.Value("tai.man@example.hk", false)));

        String page = AccountForm.render(Language.ZH_HK, person, "token");

        assertThat(page).contains("<html lang=\"zh-HK\">", "已由 SmartID 核實",
                "value=\"Flat A, &quot;Rose&quot; &lt;Court&gt;\" aria-describedby=\"field-residential_address-note\" readonly>",
                "value=\"tai.man@example.hk\" aria-describedby=\"field-email-note\">",
                "d-1&quot;&gt;&lt;b&gt;",
                "<label for=\"field-hkid_number\">");
        assertThat(page).doesNotContain("<Court>", "<b>");
    }
}
