package hk.smartid.idp.passkey;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PasskeyLabelTest {

    private static final String SUGGESTED = "My phone";

    @Test
    void shouldKeepTheTypedNameWhenTheAccountDoesNotUseIt() {
        assertThat(PasskeyLabel.of("Grandma tablet", SUGGESTED, Set.of("Laptop"))).isEqualTo("Grandma tablet");
    }

    @Test
    void shouldNumberANameTheAccountAlreadyUses() {
        assertThat(PasskeyLabel.of("My phone", SUGGESTED, Set.of("My phone"))).isEqualTo("My phone (2)");
        assertThat(PasskeyLabel.of("My phone", SUGGESTED, Set.of("My phone", "My phone (2)"))).isEqualTo("My phone (3)");
    }

    @Test
    void shouldUseTheSuggestedNameWhenTheFieldWasCleared() {
        assertThat(PasskeyLabel.of(null, SUGGESTED, Set.of())).isEqualTo(SUGGESTED);
        assertThat(PasskeyLabel.of("", SUGGESTED, Set.of())).isEqualTo(SUGGESTED);
        assertThat(PasskeyLabel.of(" \t", "我的手機", Set.of("我的手機"))).isEqualTo("我的手機 (2)");
    }

    @Test
    void shouldDropSpacesAroundTheName() {
        assertThat(PasskeyLabel.of("  Office laptop ", SUGGESTED, Set.of())).isEqualTo("Office laptop");
    }

    @Test
    void shouldCutANameLongerThanTheFieldAllowsWithoutSplittingACharacter() {
        String longName = "手".repeat(PasskeyLabel.MAX_LENGTH - 1) + "😀😀";

        String kept = PasskeyLabel.of(longName, SUGGESTED, Set.of());

        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(PasskeyLabel.MAX_LENGTH);
        assertThat(kept).endsWith("手😀");
    }

    @Test
    void shouldAcceptInThePageFieldNoMoreThanItKeeps() throws IOException {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/theme/smartid/login/template.ftl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher field = Pattern.compile("<input id=\"smartid-passkey-name\"[^>]*maxlength=\"(\\d+)\"").matcher(template);

        assertThat(field.find()).as("the passkey name field with a maxlength").isTrue();
        assertThat(Integer.parseInt(field.group(1))).isEqualTo(PasskeyLabel.MAX_LENGTH);
    }
}
