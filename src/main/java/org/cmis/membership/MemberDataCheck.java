package org.cmis.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CreditCode;
import org.cmis.shared.Email;
import org.cmis.shared.FieldError;
import org.cmis.shared.FirmNo;
import org.cmis.shared.IdNumber;
import org.cmis.shared.MemberNo;
import org.cmis.shared.Mobile;
import org.jspecify.annotations.Nullable;

/**
 * The field rules of a member, a firm and a member's local contact, the same for the sync, the
 * import and the pages (F2.1, F2.2). Each broken rule is one {@link FieldError} named after the
 * record's field; {@link CmisException#validation} carries them all.
 */
public final class MemberDataCheck {

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private MemberDataCheck() {}

  public static void check(MemberData d, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (!MemberNo.isValid(d.memberNo())) {
      errors.add(new FieldError("memberNo", "编号格式不正确"));
    } else if (d.category()
        == MemberCategory.PRACTITIONER
        != MemberNo.isValidPractitionerNo(d.memberNo())) {
      errors.add(new FieldError("memberNo", "从业人员的编号为 P 加 8 位数字，注册会计师为证书编号"));
    }
    text(errors, "name", d.name(), 1, 50);
    if (!"M".equals(d.gender()) && !"F".equals(d.gender())) {
      errors.add(new FieldError("gender", "性别应为 M 或 F"));
    }
    if (d.birthDate() != null
        && (d.birthDate().isBefore(EARLIEST_BIRTH) || d.birthDate().isAfter(today))) {
      errors.add(new FieldError("birthDate", "出生日期不正确"));
    }
    if (d.idNumber() != null && !d.idNumber().isEmpty() && !IdNumber.isValid(d.idNumber())) {
      errors.add(new FieldError("idNumber", "身份证号码不正确（18 位，校验位不符）"));
    }
    boolean needsFirm = d.category() != MemberCategory.NON_PRACTISING;
    if (needsFirm && (d.firmNo() == null || d.firmNo().isEmpty())) {
      errors.add(new FieldError("firmNo", "执业注册会计师和从业人员必须属于一家事务所"));
    } else if (!needsFirm && d.firmNo() != null && !d.firmNo().isEmpty()) {
      errors.add(new FieldError("firmNo", "非执业会员不属于事务所"));
    } else if (d.firmNo() != null && !d.firmNo().isEmpty() && !FirmNo.isValid(d.firmNo())) {
      errors.add(new FieldError("firmNo", "事务所编号应为 8 位数字"));
    }
    if (d.instituteCode() != null) {
      text(errors, "instituteCode", d.instituteCode(), 1, 10);
    }
    if (d.position() != null) {
      text(errors, "position", d.position(), 0, 20);
    }
    contact(errors, d.mobile(), d.email());
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  public static void check(FirmData d) {
    List<FieldError> errors = new ArrayList<>();
    if (!FirmNo.isValid(d.firmNo())) {
      errors.add(new FieldError("firmNo", "事务所编号应为 8 位数字"));
    }
    text(errors, "name", d.name(), 1, 200);
    if (d.creditCode() != null
        && !d.creditCode().isEmpty()
        && !CreditCode.isValid(d.creditCode())) {
      errors.add(new FieldError("creditCode", "统一社会信用代码不正确"));
    }
    text(errors, "instituteCode", d.instituteCode(), 1, 10);
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  public static void check(LocalContact c) {
    List<FieldError> errors = new ArrayList<>();
    contact(errors, c.mobile(), c.email());
    text(errors, "address", c.address(), 0, 200);
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  private static void contact(
      List<FieldError> errors, @Nullable String mobile, @Nullable String email) {
    if (mobile != null && !mobile.isEmpty() && !Mobile.isValid(mobile)) {
      errors.add(new FieldError("mobile", "手机号码应为 11 位，以 1 开头"));
    }
    if (email != null
        && !email.isEmpty()
        && (email.length() > Email.MAX_LENGTH || !Email.isValid(email))) {
      errors.add(new FieldError("email", "电子邮箱格式不正确"));
    }
  }

  private static void text(
      List<FieldError> errors, String field, @Nullable String value, int min, int max) {
    int length = value == null ? 0 : value.codePointCount(0, value.length());
    if (value == null || length < min || length > max || hasControl(value)) {
      errors.add(
          new FieldError(field, min > 0 ? "必填，最多 " + max + " 个字" : "最多 " + max + " 个字，不含控制字符"));
    }
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
