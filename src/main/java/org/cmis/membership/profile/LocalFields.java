package org.cmis.membership.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.cmis.membership.LocalContact;
import org.cmis.shared.CmisException;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The PATCH field rules (API.md, Members; ADR 0027). A member changes only its local fields:
 * mobile, email and mailing address. A field the supervision platform owns (every other F2.1 field)
 * named in a change is refused, each by name, before anything is written. A local field not given
 * (absent or null) keeps its value; an empty text clears it. Names that are no field of a member
 * are ignored, as every JSON body of the API ignores names it does not know (ADR 0027).
 */
final class LocalFields {

  /** The fields a member keeps itself. */
  static final List<String> LOCAL = List.of("mobile", "email", "address");

  /** The F2.1 fields the supervision platform owns (and the names shown beside them). */
  static final Set<String> PLATFORM_OWNED =
      Set.of(
          "memberNo",
          "name",
          "gender",
          "birthDate",
          "idNumber",
          "category",
          "firmNo",
          "firmName",
          "instituteCode",
          "instituteName",
          "position",
          "partner",
          "active");

  static final String PLATFORM_OWNED_MESSAGE = "由注册会计师行业统一监管平台维护，不能在本系统修改";

  private LocalFields() {}

  /** Refuses the change when it names a platform-owned field: one error per such field. */
  static void refusePlatformOwned(Collection<String> names) {
    List<FieldError> errors = new ArrayList<>();
    names.stream()
        .filter(PLATFORM_OWNED::contains)
        .sorted()
        .forEach(n -> errors.add(new FieldError(n, PLATFORM_OWNED_MESSAGE)));
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  /**
   * The member's contact after the change: each given field replaces the current one (surrounding
   * blanks removed), each field not given stays.
   */
  static LocalContact merge(
      LocalContact current,
      @Nullable String mobile,
      @Nullable String email,
      @Nullable String address) {
    return new LocalContact(
        mobile == null ? current.mobile() : mobile.strip(),
        email == null ? current.email() : email.strip(),
        address == null ? current.address() : address.strip());
  }
}
