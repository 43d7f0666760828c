package hk.smartid.idp.hkid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.ValidatorFactory;

/**
 * Runs the validator through Keycloak's own validation API. {@code new ValidationContext()} needs no
 * {@code KeycloakSession}, and the validator never asks the context for one.
 */
class HkidNumberValidatorTest {

    private static final String HINT = "hkid";

    /** What the user profile passes to configured validators (DeclarativeUserProfileProvider). */
    private static final ValidatorConfig USER_PROFILE_CONFIG =
            ValidatorConfig.builder().config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private static final ValidatorConfig REPORT_EMPTY_CONFIG =
            ValidatorConfig.builder().config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, false).build();

    @Nested
    class Registration {

        @Test
        void shouldBeFoundByServiceLoaderAsAValidatorFactory() {
            assertThat(ServiceLoader.load(ValidatorFactory.class).stream().map(ServiceLoader.Provider::type))
                    .contains(HkidNumberValidator.class);
        }

        @Test
        void shouldBeInstantiableByServiceLoaderWithItsId() {
            assertThat(ServiceLoader.load(ValidatorFactory.class).stream()
                    .filter(p -> p.type() == HkidNumberValidator.class)
                    .map(ServiceLoader.Provider::get)
                    .map(ValidatorFactory::getId))
                    .containsExactly("smartid-hkid-number");
        }

        @Test
        void shouldUseTheSmartIdValidatorIdAndCreateItselfAsTheValidator() {
            assertThat(HkidNumberValidator.ID).isEqualTo("smartid-hkid-number");
            assertThat(HkidNumberValidator.INSTANCE.getId()).isEqualTo(HkidNumberValidator.ID);
            assertThat(HkidNumberValidator.INSTANCE.create(null)).isSameAs(HkidNumberValidator.INSTANCE);
        }

        /** The admin console lists only ConfiguredProvider validators when editing the user profile. */
        @Test
        void shouldDescribeItselfForTheAdminConsole() {
            ConfiguredProvider configured = HkidNumberValidator.INSTANCE;

            assertThat(configured.getHelpText()).contains("HKID");
            assertThat(configured.getConfigProperties()).isEmpty();
            assertThat(HkidNumberValidator.INSTANCE.validateConfig(null, ValidatorConfig.EMPTY).isValid()).isTrue();
        }
    }

    @Nested
    class ValidValues {

        @ParameterizedTest
        @ValueSource(strings = {"A123456(3)", "A1234563", "a123456(3)", " AB987654(3) ", "G123456(A)", "K123456(0)"})
        void shouldAcceptValidNumbers(String value) {
            ValidationContext context = validate(value, USER_PROFILE_CONFIG);

            assertThat(context.isValid()).isTrue();
            assertThat(context.getErrors()).isEmpty();
        }

        @Test
        void shouldAcceptValidNumbersWithoutAnyConfig() {
            assertThat(HkidNumberValidator.INSTANCE.validate("A123456(3)").isValid()).isTrue();
            assertThat(HkidNumberValidator.INSTANCE.validate("A123456(3)", HINT, ValidatorConfig.EMPTY).isValid())
                    .isTrue();
        }

        /** The user profile passes an attribute's values as a list. */
        @Test
        void shouldAcceptAListOfValidNumbers() {
            assertThat(validate(List.of("A123456(3)", "AB987654(3)"), USER_PROFILE_CONFIG).isValid()).isTrue();
        }
    }

    @Nested
    class InvalidValues {

        @ParameterizedTest
        @CsvSource({
                "A12345(3), smartid.hkid.shape",
                "ABC123456(3), smartid.hkid.shape",
                "C668668(E), smartid.hkid.shape",
                "A123456(B), smartid.hkid.shape",
                "A123456(4), smartid.hkid.checkDigit",
                "AB987654(0), smartid.hkid.checkDigit"})
        void shouldReportTheProblemWithItsMessageKey(String value, String messageKey) {
            ValidationContext context = validate(value, USER_PROFILE_CONFIG);

            assertThat(context.isValid()).isFalse();
            assertThat(context.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getValidatorId()).isEqualTo(HkidNumberValidator.ID);
                assertThat(error.getInputHint()).isEqualTo(HINT);
                assertThat(error.getMessage()).isEqualTo(messageKey);
                assertThat(error.getMessageParameters()).isEmpty();
            });
        }

        @Test
        void shouldReportEachBadValueOfAList() {
            ValidationContext context =
                    validate(List.of("A123456(3)", "A123456(4)", "A12345"), USER_PROFILE_CONFIG);

            assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                    .containsExactlyInAnyOrder("smartid.hkid.checkDigit", "smartid.hkid.shape");
        }

        @Test
        void shouldRejectAValueThatIsNotAString() {
            ValidationContext context = validate(1234563, USER_PROFILE_CONFIG);

            assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                    .containsExactly(ValidationError.MESSAGE_INVALID_VALUE);
        }

        @Test
        void shouldAddToTheErrorsAlreadyInTheContext() {
            ValidationContext context = new ValidationContext();
            context.addError(new ValidationError("other", "other", "other-message"));

            HkidNumberValidator.INSTANCE.validate("A123456(4)", HINT, context, USER_PROFILE_CONFIG);

            assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                    .containsExactlyInAnyOrder("other-message", "smartid.hkid.checkDigit");
        }
    }

    @Nested
    class EmptyValues {

        /** Keycloak convention: "required" is the attribute's setting, not the format validator's job. */
        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t", "\u3000"})
        void shouldIgnoreEmptyValuesInTheUserProfile(String value) {
            assertThat(validate(value, USER_PROFILE_CONFIG).isValid()).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void shouldIgnoreEmptyValuesByDefault(String value) {
            assertThat(validate(value, ValidatorConfig.EMPTY).isValid()).isTrue();
            assertThat(validate(value, null).isValid()).isTrue();
        }

        @Test
        void shouldIgnoreAnEmptyList() {
            assertThat(validate(List.of(), REPORT_EMPTY_CONFIG).isValid()).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\u3000"})
        void shouldReportEmptyValuesWhenConfiguredTo(String value) {
            ValidationContext context = validate(value, REPORT_EMPTY_CONFIG);

            assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                    .containsExactly("smartid.hkid.empty");
        }

        @Test
        void shouldReadTheSettingWrittenAsAStringInTheRealmJson() {
            ValidatorConfig config =
                    ValidatorConfig.builder().config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, "false").build();

            assertThat(validate("", config).getErrors()).extracting(ValidationError::getMessage)
                    .containsExactly("smartid.hkid.empty");
        }
    }

    @Nested
    class Messages {

        @ParameterizedTest
        @ValueSource(strings = {"messages_en.properties", "messages_zh_HK.properties", "messages_zh_CN.properties"})
        void shouldHaveAMessageForEveryProblemInEveryLanguage(String bundle) throws IOException {
            Properties messages = load(bundle);

            assertThat(Arrays.stream(HkidNumber.Problem.values()).map(HkidNumber.Problem::messageKey))
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key + " in " + bundle).isNotBlank());
            assertThat(List.of(
                    HkidNumberValidator.MESSAGE_EMPTY,
                    HkidNumberValidator.MESSAGE_SHAPE,
                    HkidNumberValidator.MESSAGE_CHECK_DIGIT))
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key + " in " + bundle).isNotBlank());
        }

        @Test
        void shouldNameTheHkidInEachLanguage() throws IOException {
            assertThat(load("messages_en.properties").getProperty("smartid.hkid.shape")).contains("HKID", "A123456(3)");
            assertThat(load("messages_zh_HK.properties").getProperty("smartid.hkid.shape"))
                    .contains("香港身份證號碼", "A123456(3)");
            assertThat(load("messages_zh_CN.properties").getProperty("smartid.hkid.shape"))
                    .contains("香港身份证号码", "A123456(3)");
        }

        private Properties load(String bundle) throws IOException {
            String path = "theme/smartid/login/messages/" + bundle;
            InputStream in = getClass().getClassLoader().getResourceAsStream(path);
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }

    private static ValidationContext validate(Object value, ValidatorConfig config) {
        return HkidNumberValidator.INSTANCE.validate(value, HINT, new ValidationContext(), config);
    }
}
