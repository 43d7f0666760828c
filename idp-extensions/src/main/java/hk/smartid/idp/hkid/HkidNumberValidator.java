package hk.smartid.idp.hkid;

import java.util.List;

import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * Keycloak validator {@value #ID}: the value must be a valid {@link HkidNumber} (shape and check
 * digit). Use it on a user-profile attribute, for example
 * {@code "validations": {"smartid-hkid-number": {}}}.
 *
 * <p>Like Keycloak's built-in validators it is its own {@link org.keycloak.validate.ValidatorFactory}
 * (through {@link org.keycloak.validate.SimpleValidator}) and is registered in
 * {@code META-INF/services/org.keycloak.validate.ValidatorFactory}.
 *
 * <p>Errors use the message keys of {@link HkidNumber.Problem#messageKey()}:
 * {@value #MESSAGE_SHAPE}, {@value #MESSAGE_CHECK_DIGIT} and, only when empty values are not ignored,
 * {@value #MESSAGE_EMPTY}. Keycloak passes the attribute's display name as parameter {@code {0}}.
 *
 * <p>Empty values: following Keycloak's convention, missing, empty and blank values are accepted, so
 * that whether the attribute must be filled in is decided by its {@code required} setting alone. Set
 * {@value org.keycloak.validate.AbstractSimpleValidator#IGNORE_EMPTY_VALUE} to {@code false} in the
 * validator config to report them as {@value #MESSAGE_EMPTY} instead.
 *
 * <p>A validator cannot change the value: an accepted value may still be in lower case or without
 * brackets. Code that stores the number should store {@code HkidNumber.of(value).toString()}.
 */
public class HkidNumberValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "smartid-hkid-number";

    public static final HkidNumberValidator INSTANCE = new HkidNumberValidator();

    public static final String MESSAGE_EMPTY = "smartid.hkid.empty";
    public static final String MESSAGE_SHAPE = "smartid.hkid.shape";
    public static final String MESSAGE_CHECK_DIGIT = "smartid.hkid.checkDigit";

    /** Public for {@link java.util.ServiceLoader}; otherwise use {@link #INSTANCE}. */
    public HkidNumberValidator() {
    }

    @Override
    public String getId() {
        return ID;
    }

    /** A missing value reaches here only when empty values are not ignored: report it as empty. */
    @Override
    protected void doValidate(Object value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (value == null) {
            doValidate((String) null, inputHint, context, config);
        } else {
            super.doValidate(value, inputHint, context, config);
        }
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        HkidNumber.parse(value).problem().ifPresent(problem ->
                context.addError(new ValidationError(ID, inputHint, problem.messageKey())));
    }

    /**
     * Skips null, empty and blank values unless the config sets
     * {@value org.keycloak.validate.AbstractSimpleValidator#IGNORE_EMPTY_VALUE} to {@code false}.
     * (Keycloak's own check skips only null and {@code ""}; a blank HKID number is just as empty.)
     */
    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        if (!isIgnoreEmptyValuesConfigured(config)) {
            return false;
        }
        return value == null || (value instanceof String s && s.isBlank());
    }

    /** Empty values are ignored unless the config explicitly says otherwise. */
    @Override
    protected boolean isIgnoreEmptyValuesConfigured(ValidatorConfig config) {
        return config == null || config.getBooleanOrDefault(IGNORE_EMPTY_VALUE, Boolean.TRUE);
    }

    @Override
    public String getHelpText() {
        return "Hong Kong Identity Card (HKID) number, for example A123456(3): one or two letters, six digits "
                + "and a check digit, with or without brackets. Checks the check digit. Empty values are "
                + "accepted; use the attribute's required setting.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
