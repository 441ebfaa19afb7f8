package org.cmis.training.registration;

import io.micrometer.core.instrument.Metrics;
import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.training.Reason;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration use cases as the pages, the API and the confirmation screens call them (F4),
 * each in its own class: {@link SelfRegistration}, {@link BulkRegistration} with {@link
 * BulkPlacement}, {@link Confirmation}, {@link Cancellation}, {@link Waitlist} and {@link
 * ClassCancellation}; {@link Registration} decides which changes are legal. The counters of a class
 * change only under its row lock or in one conditional update, and the table's check constraints
 * refuse anything that would overbook. Registrations take the class row last, after their own rows
 * (ADR 0009); every other change takes it first. A lock wait over 3 seconds fails as BUSY and
 * applies nothing.
 */
@Service
public class RegistrationService {

  public static final int MAX_PEOPLE = 1000;

  private final SelfRegistration self;
  private final BulkRegistration bulk;
  private final Confirmation confirmation;
  private final Cancellation cancellation;
  private final RegistrationAccess access;

  RegistrationService(
      SelfRegistration self,
      BulkRegistration bulk,
      Confirmation confirmation,
      Cancellation cancellation,
      RegistrationAccess access) {
    this.self = self;
    this.bulk = bulk;
    this.confirmation = confirmation;
    this.cancellation = cancellation;
    this.access = access;
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

  /** Outcomes of a confirmation. */
  public enum ConfirmOutcome {
    CONFIRMED,
    CAPACITY_REACHED,
    INVALID_STATE
  }

  /** One registration's confirmation outcome. */
  public record ConfirmResult(long registrationId, ConfirmOutcome outcome) {}

  /** A member registers itself (F4.1); see {@link SelfRegistration}. */
  public Registration registerSelf(
      CurrentUser member,
      long classId,
      @Nullable String mobile,
      @Nullable String email,
      boolean waitlist) {
    try {
      Registration r = self.register(member, classId, mobile, email, waitlist);
      // ADR 0033: registrations by outcome, one counter increment
      Metrics.counter(
              "cmis.registrations",
              "outcome",
              r.status() == RegistrationStatus.WAITLISTED ? "WAITLISTED" : "REGISTERED")
          .increment();
      return r;
    } catch (org.cmis.shared.CmisException e) {
      Metrics.counter("cmis.registrations", "outcome", e.code().name()).increment();
      throw e;
    }
  }

  /** A firm registers its people, or the organiser's staff register late (F4.2, F4.8). */
  @Transactional
  public List<Result> registerPeople(
      CurrentUser caller, long classId, List<Applicant> people, boolean waitlist) {
    List<Result> results = bulk.register(caller, classId, people, waitlist);
    results.forEach(
        r -> Metrics.counter("cmis.registrations", "outcome", r.outcome().name()).increment());
    return results;
  }

  /** Staff of the organiser confirm one pending registration (F4.4). */
  @Transactional
  public Registration confirm(CurrentUser staff, long registrationId) {
    return confirmation.confirm(staff, registrationId);
  }

  /**
   * Confirms the given registrations in order, or the pending ones in registration order up to
   * capacity (F4.4).
   */
  @Transactional
  public List<ConfirmResult> confirmMany(
      CurrentUser staff, long classId, @Nullable List<Long> ids, boolean upToCapacity) {
    return confirmation.confirmMany(staff, classId, ids, upToCapacity);
  }

  /** Staff of the organiser return a pending or waitlisted registration with a reason. */
  @Transactional
  public Registration reject(CurrentUser staff, long registrationId, @Nullable String reason) {
    return cancellation.reject(staff, registrationId, Reason.of(reason));
  }

  /** The member itself or its firm cancels before the cancellation deadline (F4.5). */
  @Transactional
  public Registration cancel(CurrentUser caller, long registrationId, @Nullable String reason) {
    return cancellation.cancel(caller, registrationId, Reason.of(reason));
  }

  /**
   * After the cancellation deadline and until training starts, a registrant declares that it will
   * not attend (不参加说明); staff see it (F4.5).
   */
  @Transactional
  public Registration declareNonAttendance(
      CurrentUser caller, long registrationId, @Nullable String reason) {
    return cancellation.declareNonAttendance(caller, registrationId, Reason.of(reason));
  }

  /** A registration the caller may see, else NOT_FOUND. */
  public Registration visibleRegistration(CurrentUser caller, long id) {
    return access.visibleRegistration(caller, id);
  }
}
