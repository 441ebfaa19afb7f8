package org.cmis.membership.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberData;
import org.cmis.membership.MemberDataCheck;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.cmis.shared.IdNumber;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a 从业人员 the firm enters: the ID number is required and checksum-valid, the birth date
 * comes from it and a given gender must agree with it (the 17th digit: odd 男, even 女); the other
 * fields follow {@link MemberDataCheck}, the same rules as the sync and the import.
 */
final class PractitionerRules {

  private PractitionerRules() {}

  /** The gender an ID number states: M for an odd 17th digit, F for an even one. */
  static String genderOf(String idNumber) {
    return (idNumber.charAt(16) - '0') % 2 == 1 ? "M" : "F";
  }

  /** The birth date an ID number states. */
  static LocalDate birthDateOf(String idNumber) {
    return LocalDate.of(
        Integer.parseInt(idNumber.substring(6, 10)),
        Integer.parseInt(idNumber.substring(10, 12)),
        Integer.parseInt(idNumber.substring(12, 14)));
  }

  /** The ID number as compared and stored: trimmed, a final x upper-cased. */
  static String normal(@Nullable String idNumber) {
    return idNumber == null ? "" : idNumber.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * The member data of the input for a practitioner of the firm, or every broken rule at once
   * (422).
   */
  static MemberData data(String memberNo, String firmNo, PractitionerInput in, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String idNumber = normal(in.idNumber());
    String gender = in.gender() == null ? "" : in.gender().trim().toUpperCase(Locale.ROOT);
    gender =
        switch (gender) {
          case "男" -> "M";
          case "女" -> "F";
          default -> gender;
        };
    LocalDate birthDate = null;
    if (idNumber.isEmpty()) {
      errors.add(new FieldError("idNumber", "必填：身份证号码"));
    } else if (!IdNumber.isValid(idNumber)) {
      errors.add(new FieldError("idNumber", "身份证号码不正确（18 位，校验位不符）"));
    } else {
      birthDate = birthDateOf(idNumber);
      if (gender.isEmpty()) {
        gender = genderOf(idNumber);
      } else if ((gender.equals("M") || gender.equals("F")) && !gender.equals(genderOf(idNumber))) {
        errors.add(new FieldError("gender", "性别与身份证号码不符"));
      }
    }
    if (gender.isEmpty()) {
      gender = "M"; // reported with the ID number; keeps the rules below from a second message
    }
    MemberData data =
        new MemberData(
            memberNo,
            trim(in.name()),
            gender,
            birthDate,
            idNumber.isEmpty() || birthDate == null ? null : idNumber,
            MemberCategory.PRACTITIONER,
            firmNo,
            null,
            trim(in.position()),
            trim(in.mobile()),
            trim(in.email()),
            null,
            null);
    try {
      MemberDataCheck.check(data, today);
    } catch (CmisException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    return data;
  }

  private static String trim(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
