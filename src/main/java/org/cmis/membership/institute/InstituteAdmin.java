package org.cmis.membership.institute;

import java.util.ArrayList;
import java.util.List;
import org.cmis.membership.Institute;
import org.cmis.membership.InstituteDirectory;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PhoneList;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes an institute's support contacts (F6.1): phone, mailbox and the answering department, all
 * checked before any is stored, audited with before and after. The sign-in footer, the help page
 * and the reset pages read them per request, so a change shows at once on every instance.
 */
@Service
public class InstituteAdmin {

  /** The longest phone list and department name kept (the columns' sizes). */
  static final int PHONE_MAX = 50;

  static final int DEPARTMENT_MAX = 100;

  /** The contacts an administrator sets; null or empty clears a field. */
  public record Contacts(
      @Nullable String phone, @Nullable String email, @Nullable String trainingDepartment) {}

  private final JdbcClient jdbc;
  private final InstituteDirectory directory;
  private final ApplicationEventPublisher events;

  InstituteAdmin(JdbcClient jdbc, InstituteDirectory directory, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.events = events;
  }

  public List<Institute> all() {
    return directory.all();
  }

  @Transactional
  public Institute change(String code, Contacts contacts, CurrentUser admin, String address) {
    String phone = trim(contacts.phone());
    String email = trim(contacts.email());
    String department = trim(contacts.trainingDepartment());
    List<FieldError> errors = new ArrayList<>();
    if (!phone.isEmpty() && !PhoneList.isValid(phone, PHONE_MAX)) {
      errors.add(
          new FieldError(
              "phone",
              phone.length() > PHONE_MAX
                  ? "admin.institutes.error.phoneLength"
                  : "admin.institutes.error.phone"));
    }
    if (!email.isEmpty() && !Email.isValid(email)) {
      errors.add(new FieldError("email", "admin.institutes.error.email"));
    }
    if (department.length() > DEPARTMENT_MAX) {
      errors.add(new FieldError("trainingDepartment", "admin.institutes.error.departmentLength"));
    } else if (department.chars().anyMatch(c -> Character.isISOControl(c))) {
      errors.add(new FieldError("trainingDepartment", "admin.institutes.error.department"));
    }
    Institute before =
        jdbc.sql(
                "select code, name, phone, email, training_department from institute"
                    + " where code = :code for update")
            .param("code", code)
            .query(Institute.class)
            .optional()
            .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "admin.institutes.notFound"));
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    jdbc.sql(
            "update institute set phone = :phone, email = :email,"
                + " training_department = :department where code = :code")
        .param("phone", phone)
        .param("email", email)
        .param("department", department)
        .param("code", code)
        .update();
    Institute after = new Institute(before.code(), before.name(), phone, email, department);
    if (!after.equals(before)) {
      events.publishEvent(
          new AuditEvent(
              admin.account(),
              "INSTITUTE_CONTACTS_CHANGED",
              "Institute",
              code,
              address,
              before,
              after));
    }
    return after;
  }

  private static String trim(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
