package org.cmis.training.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.AuditEvents;
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
import org.cmis.training.RegistrationsChanged;
import org.cmis.training.catalog.ClassRepository;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, confirmation, return, cancellation and the waitlist (F4). The counters of a class
 * change only under its row lock or in one conditional update, and the table's check constraints
 * refuse anything that would overbook. Registrations take the class row last, after their own rows
 * (ADR 0009); every other change takes it first. A lock wait over 3 seconds fails as BUSY and
 * applies nothing.
 */
@Service
public class RegistrationService {

  public static final int MAX_PEOPLE = 1000;
  private static final int ATTEMPTS = 5;
  private static final List<RegistrationStatus> LIVE =
      List.of(
          RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

  private final ClassRepository classes;
  private final RegistrationRepository registrations;
  private final MemberDirectory members;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transactions;

  RegistrationService(
      ClassRepository classes,
      RegistrationRepository registrations,
      MemberDirectory members,
      ApplicationEventPublisher events,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.classes = classes;
    this.registrations = registrations;
    this.members = members;
    this.events = events;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
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

  /**
   * A member registers itself (F4.1): refusals are whole-request errors. The registration is
   * written before the class row is touched and the places are taken by one conditional update at
   * the end (ADR 0009), so the hot row of a popular class is held only for that statement and the
   * commit. When the update finds the class changed (the last place went a moment ago), the attempt
   * rolls back and is made again on fresh figures; it then ends quickly as CLASS_FULL, WAITLISTED
   * or, after {@value #ATTEMPTS} attempts, BUSY.
   */
  public Registration registerSelf(
      CurrentUser member,
      long classId,
      @Nullable String mobile,
      @Nullable String email,
      boolean waitlist) {
    for (int attempt = 1; ; attempt++) {
      // the checks read without a transaction: most of a rush is refused here, in autocommit
      SelfAttempt a = checkSelf(member, classId, mobile, email, waitlist);
      try {
        Registration r = transactions.execute(s -> writeSelf(member, a));
        return Objects.requireNonNull(r);
      } catch (ClassMoved e) {
        if (attempt == ATTEMPTS) {
          throw new CmisException(ErrorCode.BUSY, "error.BUSY", List.of(), Duration.ofSeconds(1));
        }
      }
    }
  }

  /** What a member's attempt is made on: the class and the member as read, the contact used. */
  private record SelfAttempt(
      TrainingClass c,
      MemberProfile self,
      String mobile,
      String email,
      RegistrationStatus status) {}

  private SelfAttempt checkSelf(
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
    // refuseEarly let a full class through only for its waitlist
    RegistrationStatus status =
        c.registeredCount() >= c.maxRegistrations()
            ? RegistrationStatus.WAITLISTED
            : placeStatus(c, c.confirmedCount());
    return new SelfAttempt(c, self, m, e, status);
  }

  /**
   * The attempt's one transaction: the registration, its event and audit entry, then the places,
   * taken only if the class still has the figures the attempt was made on.
   */
  private Registration writeSelf(CurrentUser member, SelfAttempt a) {
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
    changed(member, c, r.id(), self.memberNo(), self.name(), self.firmNo(), null, status, null);
    boolean waiting = status == RegistrationStatus.WAITLISTED;
    boolean taken =
        classes.take(
            c.id(),
            waiting ? 0 : 1,
            status == RegistrationStatus.CONFIRMED ? 1 : 0,
            waiting ? 1 : 0,
            true,
            today());
    if (!taken) {
      throw new ClassMoved();
    }
    return r;
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

  /** The class no longer matched the figures an attempt was made on: roll back, try again. */
  private static final class ClassMoved extends RuntimeException {
    ClassMoved() {
      super("the class changed during the attempt", null, false, false);
    }
  }

  /** PENDING, or CONFIRMED at once in AUTO mode while confirmed places remain. */
  private static RegistrationStatus placeStatus(TrainingClass c, int confirmed) {
    return c.confirmationMode() == TrainingClass.ConfirmationMode.AUTO && confirmed < c.capacity()
        ? RegistrationStatus.CONFIRMED
        : RegistrationStatus.PENDING;
  }

  /**
   * A firm registers its people, or staff of the organiser register people of their institute late
   * (F4.2, F4.8): one answer per person, in the order sent. The registrations are inserted in one
   * statement before the class lock is taken; under the lock the places are given in the order
   * sent, and those without a place are waitlisted or removed again, all in this transaction.
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
    Map<String, Outcome> refused = new HashMap<>();
    Map<String, RegistrationRepository.NewRegistration> candidates = new LinkedHashMap<>();
    for (Applicant a : people) {
      if (refused.containsKey(a.memberNo()) || candidates.containsKey(a.memberNo())) {
        continue;
      }
      MemberProfile p = profiles.get(a.memberNo());
      Outcome refusal = refusal(caller, c, p);
      if (refusal != null || p == null) {
        refused.put(a.memberNo(), refusal == null ? Outcome.NOT_ELIGIBLE : refusal);
        continue;
      }
      String mobile = a.mobile() == null || a.mobile().isBlank() ? p.mobile() : a.mobile().trim();
      String email = a.email() == null || a.email().isBlank() ? p.email() : a.email().trim();
      if (!Mobile.isValid(mobile) || !Email.isValid(email)) {
        refused.put(a.memberNo(), Outcome.INVALID_CONTACT);
        continue;
      }
      candidates.put(
          a.memberNo(),
          new RegistrationRepository.NewRegistration(
              p.memberNo(), p.name(), p.firmNo(), mobile, email));
    }
    Map<String, Result> placed =
        place(caller, classId, List.copyOf(candidates.values()), waitlist, channel);
    Set<String> answered = new HashSet<>();
    List<Result> results = new ArrayList<>();
    for (Applicant a : people) {
      Outcome refusal = refused.get(a.memberNo());
      Result r =
          refusal != null
              ? new Result(a.memberNo(), refusal, null, null)
              : Objects.requireNonNull(placed.get(a.memberNo()));
      boolean took = r.outcome() == Outcome.REGISTERED || r.outcome() == Outcome.WAITLISTED;
      if (!answered.add(a.memberNo()) && took) {
        r = new Result(a.memberNo(), Outcome.ALREADY_REGISTERED, null, null);
      }
      results.add(r);
    }
    return results;
  }

  /** Inserts the candidates, then under the class lock gives places in order (registerPeople). */
  private Map<String, Result> place(
      CurrentUser caller,
      long classId,
      List<RegistrationRepository.NewRegistration> candidates,
      boolean waitlist,
      Registration.Channel channel) {
    if (candidates.isEmpty()) {
      return Map.of();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    classes.boundLockWaits();
    Map<String, Long> ids =
        registrations.insertPendingUnlessLive(classId, candidates, channel, now, caller.account());
    TrainingClass c = classes.lock(classId).orElseThrow();
    refuseClassLevel(caller, c);
    int registered = c.registeredCount();
    int confirmed = c.confirmedCount();
    int waitlisted = c.waitlistedCount();
    Map<RegistrationStatus, List<Long>> settled = new EnumMap<>(RegistrationStatus.class);
    List<Long> full = new ArrayList<>();
    Changes changes = new Changes();
    Map<String, Result> placed = new HashMap<>();
    for (RegistrationRepository.NewRegistration n : candidates) {
      Long id = ids.get(n.memberNo());
      if (id == null) {
        placed.put(n.memberNo(), new Result(n.memberNo(), Outcome.ALREADY_REGISTERED, null, null));
        continue;
      }
      RegistrationStatus status;
      if (registered < c.maxRegistrations()) {
        status = placeStatus(c, confirmed);
        registered++;
        confirmed += status == RegistrationStatus.CONFIRMED ? 1 : 0;
      } else if (waitlist && c.waitlistEnabled()) {
        status = RegistrationStatus.WAITLISTED;
        waitlisted++;
      } else {
        full.add(id);
        placed.put(n.memberNo(), new Result(n.memberNo(), Outcome.CLASS_FULL, null, null));
        continue;
      }
      settled.computeIfAbsent(status, k -> new ArrayList<>()).add(id);
      Outcome outcome =
          status == RegistrationStatus.WAITLISTED ? Outcome.WAITLISTED : Outcome.REGISTERED;
      placed.put(n.memberNo(), new Result(n.memberNo(), outcome, id, status));
      changes.add(caller, c, id, n.memberNo(), n.name(), n.firmNo(), null, status, null);
    }
    for (RegistrationStatus status :
        List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
      registrations.settle(settled.getOrDefault(status, List.of()), status, now);
    }
    registrations.discard(full);
    changes.publish();
    classes.addCounts(
        classId,
        registered - c.registeredCount(),
        confirmed - c.confirmedCount(),
        waitlisted - c.waitlistedCount());
    return placed;
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
    Changes one = new Changes();
    one.add(actor, c, id, memberNo, name, firmNo, previous, status, reason);
    one.publish();
  }

  /**
   * The registration changes of one operation, told and audited together at its end: a firm's 500
   * people cost one event publication and one audit insert instead of 500 of each.
   */
  private final class Changes {
    private final List<RegistrationChanged> told = new ArrayList<>();
    private final List<AuditEvent> audited = new ArrayList<>();

    void add(
        CurrentUser actor,
        TrainingClass c,
        long id,
        String memberNo,
        String name,
        @Nullable String firmNo,
        @Nullable RegistrationStatus previous,
        RegistrationStatus status,
        @Nullable String reason) {
      told.add(
          new RegistrationChanged(
              id, c.id(), c.name(), memberNo, name, firmNo, previous, status, reason));
      audited.add(
          new AuditEvent(
              actor.account(),
              "REGISTRATION_" + status.name(),
              "Registration",
              Long.toString(id),
              "",
              previous == null ? null : previous.name(),
              status.name() + (reason == null ? "" : ": " + reason)));
    }

    void publish() {
      if (told.size() == 1) {
        events.publishEvent(told.get(0));
        events.publishEvent(audited.get(0));
      } else if (!told.isEmpty()) {
        events.publishEvent(new RegistrationsChanged(List.copyOf(told)));
        events.publishEvent(new AuditEvents(List.copyOf(audited)));
      }
    }
  }

  private void audit(
      CurrentUser actor, String action, long id, @Nullable String before, @Nullable String after) {
    events.publishEvent(
        new AuditEvent(
            actor.account(), action, "Registration", Long.toString(id), "", before, after));
  }
}
