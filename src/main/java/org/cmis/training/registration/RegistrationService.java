package org.cmis.training.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Mobile;
import org.cmis.shared.Role;
import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationChanged;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, confirmation, return, cancellation and the waitlist (F4). Every transaction that
 * changes a class's registrations first locks the class row; the counters change only under that
 * lock and the table's check constraints refuse anything that would overbook. A lock wait over 3
 * seconds fails as BUSY and applies nothing.
 */
@Service
public class RegistrationService {

  public static final int MAX_PEOPLE = 1000;
  private static final List<RegistrationStatus> LIVE =
      List.of(
          RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final MemberDirectory members;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegistrationService(
      ClassRepository classes,
      RegistrationRepository registrations,
      MemberDirectory members,
      ApplicationEventPublisher events,
      Clock clock) {
    this.classes = classes;
    this.registrations = registrations;
    this.members = members;
    this.events = events;
    this.clock = clock;
  }

  /** One person to register, with contact data for this registration (profile when null). */
  public record Applicant(String memberNo, @Nullable String mobile, @Nullable String email) {}

  /** The outcome for one person of a registration request. */
  public enum Outcome {
    REGISTERED,
    WAITLISTED,
    ALREADY_REGISTERED,
    CLASS_FULL,
    NOT_ELIGIBLE,
    NOT_IN_FIRM,
    INVALID_CONTACT
  }

  /** One person's answer, in the order sent. */
  public record Result(
      String memberNo,
      Outcome outcome,
      @Nullable Long registrationId,
      @Nullable RegistrationStatus status) {}

  /** A member registers itself (F4.1): refusals are whole-request errors. */
  @Transactional
  public Registration registerSelf(
      CurrentUser member,
      long classId,
      @Nullable String mobile,
      @Nullable String email,
      boolean waitlist) {
    if (!member.is(Role.MEMBER) || member.memberNo() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = visibleClass(member, classId);
    refuseClassLevel(member, c);
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
    Result result =
        apply(
                member,
                classId,
                List.of(new Applicant(self.memberNo(), m, e)),
                Map.of(self.memberNo(), self),
                waitlist,
                Registration.Channel.SELF)
            .get(0);
    return switch (result.outcome()) {
      case REGISTERED, WAITLISTED -> registrations.find(result.registrationId()).orElseThrow();
      case NOT_ELIGIBLE, NOT_IN_FIRM, INVALID_CONTACT ->
          throw new CmisException(ErrorCode.NOT_ELIGIBLE, "error.NOT_ELIGIBLE");
      case ALREADY_REGISTERED ->
          throw new CmisException(ErrorCode.ALREADY_REGISTERED, "error.ALREADY_REGISTERED");
      case CLASS_FULL -> throw new CmisException(ErrorCode.CLASS_FULL, "error.CLASS_FULL");
    };
  }

  /**
   * A firm registers its people, or staff of the organiser register people of their institute late
   * (F4.2, F4.8): one answer per person, in the order sent.
   */
  @Transactional
  public List<Result> registerPeople(
      CurrentUser caller, long classId, List<Applicant> people, boolean waitlist) {
    Registration.Channel channel;
    if (caller.is(Role.FIRM)) {
      channel = Registration.Channel.FIRM;
    } else if (caller.is(Role.STAFF)) {
      channel = Registration.Channel.STAFF;
    } else {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = visibleClass(caller, classId);
    if (channel == Registration.Channel.STAFF) {
      Access.requireOrganiser(caller, c);
    }
    refuseClassLevel(caller, c);
    if (people.isEmpty() || people.size() > MAX_PEOPLE) {
      throw CmisException.validation(List.of(new FieldError("people", "registration.people.size")));
    }
    Map<String, MemberProfile> profiles =
        members.profiles(new LinkedHashSet<>(people.stream().map(Applicant::memberNo).toList()));
    return apply(caller, classId, people, profiles, waitlist, channel);
  }

  /**
   * Refusals a member gets without waiting for the class lock: not eligible, and — read without the
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

  private List<Result> apply(
      CurrentUser caller,
      long classId,
      List<Applicant> people,
      Map<String, MemberProfile> profiles,
      boolean waitlist,
      Registration.Channel channel) {
    TrainingClass c = classes.lock(classId).orElseThrow();
    refuseClassLevel(caller, c);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int registered = c.registeredCount();
    int confirmed = c.confirmedCount();
    int waitlisted = c.waitlistedCount();
    boolean auto = c.confirmationMode() == TrainingClass.ConfirmationMode.AUTO;
    Map<String, Result> first = new HashMap<>();
    List<Result> results = new ArrayList<>();
    for (Applicant a : people) {
      Result earlier = first.get(a.memberNo());
      if (earlier != null) {
        boolean took =
            earlier.outcome() == Outcome.REGISTERED || earlier.outcome() == Outcome.WAITLISTED;
        results.add(
            took ? new Result(a.memberNo(), Outcome.ALREADY_REGISTERED, null, null) : earlier);
        continue;
      }
      MemberProfile p = profiles.get(a.memberNo());
      Outcome refusal = refusal(caller, c, p);
      String mobile =
          p == null || a.mobile() == null || a.mobile().isBlank()
              ? (p == null ? "" : p.mobile())
              : a.mobile().trim();
      String email =
          p == null || a.email() == null || a.email().isBlank()
              ? (p == null ? "" : p.email())
              : a.email().trim();
      if (refusal == null && (!Mobile.isValid(mobile) || !Email.isValid(email))) {
        refusal = Outcome.INVALID_CONTACT;
      }
      Result result;
      if (refusal != null) {
        result = new Result(a.memberNo(), refusal, null, null);
      } else {
        RegistrationStatus status;
        if (registered < c.maxRegistrations()) {
          status =
              auto && confirmed < c.capacity()
                  ? RegistrationStatus.CONFIRMED
                  : RegistrationStatus.PENDING;
        } else if (waitlist && c.waitlistEnabled()) {
          status = RegistrationStatus.WAITLISTED;
        } else {
          status = null;
        }
        if (status == null) {
          result = new Result(a.memberNo(), Outcome.CLASS_FULL, null, null);
        } else {
          Optional<Long> id =
              registrations.insertUnlessLive(
                  classId,
                  p.memberNo(),
                  p.name(),
                  p.firmNo(),
                  status,
                  channel,
                  mobile,
                  email,
                  now,
                  caller.account());
          if (id.isEmpty()) {
            result = new Result(a.memberNo(), Outcome.ALREADY_REGISTERED, null, null);
          } else {
            if (status == RegistrationStatus.WAITLISTED) {
              waitlisted++;
            } else {
              registered++;
              confirmed += status == RegistrationStatus.CONFIRMED ? 1 : 0;
            }
            result =
                new Result(
                    a.memberNo(),
                    status == RegistrationStatus.WAITLISTED
                        ? Outcome.WAITLISTED
                        : Outcome.REGISTERED,
                    id.get(),
                    status);
            changed(caller, c, id.get(), p.memberNo(), p.name(), p.firmNo(), null, status, null);
          }
        }
      }
      first.put(a.memberNo(), result);
      results.add(result);
    }
    classes.addCounts(
        classId,
        registered - c.registeredCount(),
        confirmed - c.confirmedCount(),
        waitlisted - c.waitlistedCount());
    return results;
  }

  private @Nullable Outcome refusal(
      CurrentUser caller, TrainingClass c, @Nullable MemberProfile p) {
    if (caller.is(Role.FIRM) && (p == null || !caller.firmNo().equals(p.firmNo()))) {
      return Outcome.NOT_IN_FIRM;
    }
    if (p == null) {
      return Outcome.NOT_ELIGIBLE;
    }
    if (caller.is(Role.STAFF) && !p.instituteCode().equals(caller.instituteCode())) {
      return Outcome.NOT_ELIGIBLE;
    }
    return Eligibility.eligible(c, p) ? null : Outcome.NOT_ELIGIBLE;
  }

  /** Staff of the organiser confirm one pending registration (F4.4). */
  @Transactional
  public Registration confirm(CurrentUser staff, long registrationId) {
    Registration r = visibleRegistration(staff, registrationId);
    TrainingClass c = lockAsOrganiser(staff, r.classId());
    ConfirmOutcome outcome = confirmLocked(staff, c, registrationId, c.confirmedCount());
    if (outcome == ConfirmOutcome.INVALID_STATE) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    if (outcome == ConfirmOutcome.CAPACITY_REACHED) {
      throw new CmisException(ErrorCode.CAPACITY_REACHED, "error.CAPACITY_REACHED");
    }
    classes.addCounts(c.id(), 0, 1, 0);
    return registrations.find(registrationId).orElseThrow();
  }

  /** Outcomes of a confirmation. */
  public enum ConfirmOutcome {
    CONFIRMED,
    CAPACITY_REACHED,
    INVALID_STATE
  }

  /** One registration's confirmation outcome. */
  public record ConfirmResult(long registrationId, ConfirmOutcome outcome) {}

  /**
   * Confirms the given registrations in order, or the pending ones in registration order up to
   * capacity (F4.4).
   */
  @Transactional
  public List<ConfirmResult> confirmMany(
      CurrentUser staff, long classId, @Nullable List<Long> ids, boolean upToCapacity) {
    TrainingClass c = lockAsOrganiser(staff, classId);
    List<Long> order =
        upToCapacity
            ? registrations.inClass(classId, List.of(RegistrationStatus.PENDING)).stream()
                .map(Registration::id)
                .limit(Math.max(0, c.capacity() - c.confirmedCount()))
                .toList()
            : ids == null ? List.of() : ids;
    int confirmed = c.confirmedCount();
    List<ConfirmResult> results = new ArrayList<>();
    for (long id : order) {
      ConfirmOutcome outcome = confirmLocked(staff, c, id, confirmed);
      if (outcome == ConfirmOutcome.CONFIRMED) {
        confirmed++;
      }
      results.add(new ConfirmResult(id, outcome));
    }
    classes.addCounts(classId, 0, confirmed - c.confirmedCount(), 0);
    return results;
  }

  private ConfirmOutcome confirmLocked(CurrentUser staff, TrainingClass c, long id, int confirmed) {
    Optional<Registration> r = registrations.find(id).filter(x -> x.classId() == c.id());
    if (r.isEmpty() || r.get().status() != RegistrationStatus.PENDING) {
      return ConfirmOutcome.INVALID_STATE;
    }
    if (confirmed >= c.capacity()) {
      return ConfirmOutcome.CAPACITY_REACHED;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    registrations.transition(
        id, List.of(RegistrationStatus.PENDING), RegistrationStatus.CONFIRMED, null, now);
    Registration x = r.get();
    changed(
        staff,
        c,
        id,
        x.memberNo(),
        x.name(),
        x.firmNo(),
        x.status(),
        RegistrationStatus.CONFIRMED,
        null);
    return ConfirmOutcome.CONFIRMED;
  }

  /** Staff of the organiser return a pending or waitlisted registration with a reason. */
  @Transactional
  public Registration reject(CurrentUser staff, long registrationId, String reason) {
    String why = requireReason(reason);
    Registration r = visibleRegistration(staff, registrationId);
    TrainingClass c = lockAsOrganiser(staff, r.classId());
    return end(
        staff,
        c,
        registrationId,
        List.of(RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED),
        RegistrationStatus.REJECTED,
        why);
  }

  /** The member itself or its firm cancels before the cancellation deadline (F4.5). */
  @Transactional
  public Registration cancel(CurrentUser caller, long registrationId, String reason) {
    String why = requireReason(reason);
    Registration r = visibleRegistration(caller, registrationId);
    if (!caller.is(Role.MEMBER) && !caller.is(Role.FIRM)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = classes.lock(r.classId()).orElseThrow();
    Registration fresh = registrations.find(registrationId).orElseThrow();
    if (!fresh.status().live()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    if (today().isAfter(c.cancellationDeadline())) {
      throw new CmisException(ErrorCode.CANCELLATION_CLOSED, "error.CANCELLATION_CLOSED");
    }
    return end(caller, c, registrationId, LIVE, RegistrationStatus.CANCELLED, why);
  }

  /**
   * After the cancellation deadline and until training starts, a registrant declares that it will
   * not attend (不参加说明); staff see it (F4.5).
   */
  @Transactional
  public Registration declareNonAttendance(CurrentUser caller, long registrationId, String reason) {
    String why = requireReason(reason);
    Registration r = visibleRegistration(caller, registrationId);
    if (!caller.is(Role.MEMBER) && !caller.is(Role.FIRM)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = classes.lock(r.classId()).orElseThrow();
    if (!r.status().active()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    LocalDate today = today();
    if (!today.isAfter(c.cancellationDeadline()) || !today.isBefore(c.trainingStart())) {
      throw new CmisException(ErrorCode.INVALID_STATE, "registration.nonAttendance.window");
    }
    registrations.declareNonAttendance(registrationId, why, OffsetDateTime.now(clock));
    audit(caller, "REGISTRATION_NON_ATTENDANCE", registrationId, null, why);
    return registrations.find(registrationId).orElseThrow();
  }

  private Registration end(
      CurrentUser caller,
      TrainingClass c,
      long id,
      List<RegistrationStatus> from,
      RegistrationStatus to,
      String reason) {
    Registration before = registrations.find(id).orElseThrow();
    if (!from.contains(before.status())
        || !registrations.transition(id, from, to, reason, OffsetDateTime.now(clock))) {
      throw new CmisException(ErrorCode.INVALID_STATE, "error.INVALID_STATE");
    }
    int registered = c.registeredCount() - (before.status().active() ? 1 : 0);
    int confirmed = c.confirmedCount() - (before.status() == RegistrationStatus.CONFIRMED ? 1 : 0);
    int waitlisted =
        c.waitlistedCount() - (before.status() == RegistrationStatus.WAITLISTED ? 1 : 0);
    changed(
        caller,
        c,
        id,
        before.memberNo(),
        before.name(),
        before.firmNo(),
        before.status(),
        to,
        reason);
    fill(caller, c, registered, confirmed, waitlisted);
    return registrations.find(id).orElseThrow();
  }

  /**
   * Gives freed places to those waiting, in the transaction that freed them: in AUTO mode the
   * earliest pending are confirmed up to capacity first, then the earliest waitlisted move up while
   * there is room. Writes the class's counters from the given (already adjusted) values.
   */
  public void fill(
      CurrentUser actor, TrainingClass c, int registered, int confirmed, int waitlisted) {
    boolean auto = c.confirmationMode() == TrainingClass.ConfirmationMode.AUTO;
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (auto) {
      for (Registration p : registrations.inClass(c.id(), List.of(RegistrationStatus.PENDING))) {
        if (confirmed >= c.capacity()) {
          break;
        }
        registrations.transition(
            p.id(), List.of(RegistrationStatus.PENDING), RegistrationStatus.CONFIRMED, null, now);
        confirmed++;
        changed(
            actor,
            c,
            p.id(),
            p.memberNo(),
            p.name(),
            p.firmNo(),
            p.status(),
            RegistrationStatus.CONFIRMED,
            null);
      }
    }
    if (waitlisted > 0) {
      for (Registration w : registrations.inClass(c.id(), List.of(RegistrationStatus.WAITLISTED))) {
        if (registered >= c.maxRegistrations()) {
          break;
        }
        RegistrationStatus to =
            auto && confirmed < c.capacity()
                ? RegistrationStatus.CONFIRMED
                : RegistrationStatus.PENDING;
        registrations.transition(w.id(), List.of(RegistrationStatus.WAITLISTED), to, null, now);
        registered++;
        waitlisted--;
        confirmed += to == RegistrationStatus.CONFIRMED ? 1 : 0;
        changed(actor, c, w.id(), w.memberNo(), w.name(), w.firmNo(), w.status(), to, null);
      }
    }
    classes.addCounts(
        c.id(),
        registered - c.registeredCount(),
        confirmed - c.confirmedCount(),
        waitlisted - c.waitlistedCount());
  }

  /** Cancels every live registration of a class being cancelled; its people are told. */
  public void cancelAllOf(CurrentUser staff, TrainingClass c, String reason) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Registration r : registrations.inClass(c.id(), LIVE)) {
      registrations.transition(r.id(), LIVE, RegistrationStatus.CANCELLED, reason, now);
      changed(
          staff,
          c,
          r.id(),
          r.memberNo(),
          r.name(),
          r.firmNo(),
          r.status(),
          RegistrationStatus.CANCELLED,
          reason);
    }
  }

  /** A registration the caller may see, else NOT_FOUND. */
  public Registration visibleRegistration(CurrentUser caller, long id) {
    Registration r = registrations.find(id).orElseThrow(RegistrationService::notFound);
    TrainingClass c = classes.find(r.classId()).orElseThrow(RegistrationService::notFound);
    if (!Access.canSee(caller, r, c.instituteCode())) {
      throw notFound();
    }
    return r;
  }

  private TrainingClass visibleClass(CurrentUser caller, long classId) {
    TrainingClass c = classes.find(classId).orElseThrow(RegistrationService::notFound);
    Access.requireVisible(caller, c);
    return c;
  }

  private TrainingClass lockAsOrganiser(CurrentUser staff, long classId) {
    TrainingClass c = classes.lock(classId).orElseThrow(RegistrationService::notFound);
    Access.requireOrganiser(staff, c);
    return c;
  }

  /** The class-level refusals, first that applies (API.md). Staff may register late. */
  private void refuseClassLevel(CurrentUser caller, TrainingClass c) {
    ClassStatus status = c.statusOn(today());
    if (status == ClassStatus.CANCELLED) {
      throw new CmisException(ErrorCode.CLASS_CANCELLED, "error.CLASS_CANCELLED");
    }
    if (c.external()) {
      throw new CmisException(ErrorCode.EXTERNAL_CLASS, "error.EXTERNAL_CLASS");
    }
    if (status == ClassStatus.DRAFT || status == ClassStatus.NOT_OPEN && !caller.is(Role.STAFF)) {
      throw new CmisException(ErrorCode.CLASS_NOT_OPEN, "error.CLASS_NOT_OPEN");
    }
    if (!caller.is(Role.STAFF) && status != ClassStatus.OPEN) {
      throw new CmisException(ErrorCode.REGISTRATION_CLOSED, "error.REGISTRATION_CLOSED");
    }
  }

  private static String requireReason(@Nullable String reason) {
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > 500) {
      throw CmisException.validation(List.of(new FieldError("reason", "registration.reason")));
    }
    return why;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }

  private void changed(
      CurrentUser actor,
      TrainingClass c,
      long id,
      String memberNo,
      String name,
      @Nullable String firmNo,
      @Nullable RegistrationStatus previous,
      RegistrationStatus status,
      @Nullable String reason) {
    events.publishEvent(
        new RegistrationChanged(
            id, c.id(), c.name(), memberNo, name, firmNo, previous, status, reason));
    audit(
        actor,
        "REGISTRATION_" + status.name(),
        id,
        previous == null ? null : previous.name(),
        status.name() + (reason == null ? "" : ": " + reason));
  }

  private void audit(
      CurrentUser actor, String action, long id, @Nullable String before, @Nullable String after) {
    events.publishEvent(
        new AuditEvent(
            actor.account(), action, "Registration", Long.toString(id), "", before, after));
  }
}
