package hk.smartid.idp.enrolment;

import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.realm.ResidentAttribute;
import org.keycloak.models.UserModel;

/** What staff see of a resident they found: enough to recognise the person, nothing more. */
public record ResidentRecord(String id, String hkidNumber, String surname, String givenNames, String chineseName,
                             String dateOfBirth, String assuranceLevel, String verifiedBranch, String verifiedAt) {

    static ResidentRecord of(UserModel user) {
        return new ResidentRecord(user.getId(), user.getFirstAttribute(ResidentAttribute.HKID_NUMBER),
                user.getFirstAttribute(ResidentAttribute.SURNAME_EN), user.getFirstAttribute(ResidentAttribute.GIVEN_NAMES_EN),
                user.getFirstAttribute(ResidentAttribute.NAME_ZH), user.getFirstAttribute(ResidentAttribute.BIRTHDATE),
                AssuranceLevel.of(user).acr(),
                user.getFirstAttribute(ResidentAttribute.VERIFIED_BRANCH), user.getFirstAttribute(ResidentAttribute.VERIFIED_AT));
    }
}
