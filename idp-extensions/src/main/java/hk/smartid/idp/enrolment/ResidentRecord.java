package hk.smartid.idp.enrolment;

import hk.smartid.idp.assurance.AssuranceLevel;
import org.keycloak.models.UserModel;

/** What staff see of a resident they found: enough to recognise the person, nothing more. */
public record ResidentRecord(String id, String hkidNumber, String surname, String givenNames, String chineseName,
                             String dateOfBirth, String assuranceLevel, String verifiedBranch, String verifiedAt) {

    static ResidentRecord of(UserModel user) {
        return new ResidentRecord(user.getId(), user.getFirstAttribute(EnrolmentResource.HKID_ATTRIBUTE),
                user.getFirstAttribute("surname_en"), user.getFirstAttribute("given_names_en"),
                user.getFirstAttribute("name_zh"), user.getFirstAttribute("birthdate"),
                AssuranceLevel.of(user).acr(),
                user.getFirstAttribute("verified_branch"), user.getFirstAttribute("verified_at"));
    }
}
