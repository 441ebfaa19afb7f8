package org.cmis.training.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Mobile;
import org.cmis.shared.Role;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member registers itself (F4.1): refusals are whole-request errors. The registration is written
 * before the class row is touched and the places are taken by one conditional update at the end
 * (ADR 0009), so the hot row of a popular class is held only for that statement and the commit.
 * When the update finds the class changed (the last place went a moment ago), the attempt rolls
 * back and is made again on fresh figures; it then ends quickly as CLASS_FULL, WAITLISTED or, after
 * {@value #ATTEMPTS} attempts, BUSY.
 */
@Component
class SelfRegistration {

  private static final int ATTEMPTS = 5;

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final RegistrationAccess access;
  private final MemberDirectory members;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transactions;

  SelfRegistration(
      ClassRepository classes,
      RegistrationRepository registrations,
      RegistrationAccess access,
      MemberDirectory members,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.classes = classes;
    this.registrations = registrations;
    this.access = access;
    this.members = members;
    this.events = events;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  Registration register(
      CurrentUser member,
      long classId,
      @Nullable String mobile,
      @Nullable String email,
      boolean waitlist) {
    for (int attempt = 1; ; attempt++) {
      // the checks read without a transaction: most of a rush is refused here, in autocommit
      Attempt a = check(member, classId, mobile, email, waitlist);
      try {
        return Objects.requireNonNull(transactions.execute(s -> write(member, a)));
      } catch (ClassMoved e) {
        if (attempt == ATTEMPTS) {
          throw new CmisException(ErrorCode.BUSY, "error.BUSY", List.of(), Duration.ofSeconds(1));
        }
      }
    }
  }

  /** What an attempt is made on: the class and the member as read, the contact used. */
  private record Attempt(
      TrainingClass c,
      MemberProfile self,
      String mobile,
      String email,
      RegistrationStatus status) {}

  private Attempt check(
      CurrentUser member,
      long classId,
      @Nullable String mobile,
      @Nullable String email,
      boolean waitlist) {
    if (!member.is(Role.MEMBER) || member.memberNo() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = access.visibleClass(member, classId);
    access.refuseClassLevel(member, c);
    MemberProfile self =
        members
            .profile(member.memberNo())
            .orElseThrow(() -> new CmisException(ErrorCode.NOT_ELIGIBLE, "error.NOT_ELIGIBLE"));
    List<FieldError> contactErrors = new ArrayList<>();
    String m = mobile == null || mobile.isBlank() ? self.mobile() : mobile.trim();
    String e = email == null || email.isBlank() ? self.email() : email.trim();
    if (!Mobile.isValid(m)) {
      contactErrors.add(new FieldError("mobile", "validation.mobile"));
    }
    if (!Email.isValid(e)) {
      contactErrors.add(new FieldError("email", "validation.email"));
    }
    if (!contactErrors.isEmpty()) {
      throw CmisException.validation(contactErrors);
    }
    refuseEarly(c, self, waitlist);
    // refuseEarly let a full class through only for its waitlist
    RegistrationStatus status =
        c.registeredCount() >= c.maxRegistrations()
            ? RegistrationStatus.WAITLISTED
            : Registration.placed(c, c.confirmedCount());
    return new Attempt(c, self, m, e, status);
  }

  /**
   * Refusals a member gets without touching the class row: not eligible, and — read without the
   * lock, so at worst a place freed a moment ago is missed and the member tries again — a full
   * class. In the rush most requests are answered here, away from the one hot row.
   */
  private void refuseEarly(TrainingClass c, MemberProfile self, boolean waitlist) {
    if (!Eligibility.eligible(c, self)) {
      throw new CmisException(ErrorCode.NOT_ELIGIBLE, "error.NOT_ELIGIBLE");
    }
    boolean full = c.registeredCount() >= c.maxRegistrations();
    if (full && !(waitlist && c.waitlistEnabled())) {
      if (registrations.hasLive(c.id(), self.memberNo())) {
        throw new CmisException(ErrorCode.ALREADY_REGISTERED, "error.ALREADY_REGISTERED");
      }
      throw new CmisException(ErrorCode.CLASS_FULL, "error.CLASS_FULL");
    }
  }

  /**
   * The attempt's one transaction: the registration, its event and audit entry, then the places,
   * taken only if the class still has the figures the attempt was made on.
   */
  private Registration write(CurrentUser member, Attempt a) {
    TrainingClass c = a.c();
    MemberProfile self = a.self();
    RegistrationStatus status = a.status();
    classes.boundLockWaits();
    Registration r =
        registrations
            .insertUnlessLive(
                c.id(),
                self.memberNo(),
                self.name(),
                self.firmNo(),
                status,
                Registration.Channel.SELF,
                a.mobile(),
                a.email(),
                OffsetDateTime.now(clock),
                member.account())
            .orElseThrow(
                () -> new CmisException(ErrorCode.ALREADY_REGISTERED, "error.ALREADY_REGISTERED"));
    Changes changes = new Changes(events, member, c);
    changes.registered(r.id(), self.memberNo(), self.name(), self.firmNo(), status);
    changes.publish();
    boolean waiting = status == RegistrationStatus.WAITLISTED;
    boolean taken =
        classes.take(
            c.id(),
            waiting ? 0 : 1,
            status == RegistrationStatus.CONFIRMED ? 1 : 0,
            waiting ? 1 : 0,
            true,
            access.today());
    if (!taken) {
      throw new ClassMoved();
    }
    return r;
  }

  /** The class no longer matched the figures an attempt was made on: roll back, try again. */
  private static final class ClassMoved extends RuntimeException {
    ClassMoved() {
      super("the class changed during the attempt", null, false, false);
    }
  }
}
