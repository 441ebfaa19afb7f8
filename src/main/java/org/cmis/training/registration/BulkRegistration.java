package org.cmis.training.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Mobile;
import org.cmis.shared.Role;
import org.cmis.training.catalog.Access;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.RegistrationService.Applicant;
import org.cmis.training.registration.RegistrationService.Outcome;
import org.cmis.training.registration.RegistrationService.Result;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A firm registers its people, or staff of the organiser register people of their institute late
 * (F4.2, F4.8): one answer per person, in the order sent. The people are checked here, without a
 * lock; {@link BulkPlacement} then writes them and gives the places.
 */
@Component
class BulkRegistration {

  private final RegistrationAccess access;
  private final MemberDirectory members;
  private final BulkPlacement placement;

  BulkRegistration(RegistrationAccess access, MemberDirectory members, BulkPlacement placement) {
    this.access = access;
    this.members = members;
    this.placement = placement;
  }

  /** Runs in the caller's transaction (see {@link RegistrationService#registerPeople}). */
  List<Result> register(
      CurrentUser caller, long classId, List<Applicant> people, boolean waitlist) {
    Registration.Channel channel;
    if (caller.is(Role.FIRM)) {
      channel = Registration.Channel.FIRM;
    } else if (caller.is(Role.STAFF)) {
      channel = Registration.Channel.STAFF;
    } else {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    TrainingClass c = access.visibleClass(caller, classId);
    if (channel == Registration.Channel.STAFF) {
      Access.requireOrganiser(caller, c);
    }
    access.refuseClassLevel(caller, c);
    if (people.isEmpty() || people.size() > RegistrationService.MAX_PEOPLE) {
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
        placement.place(caller, classId, List.copyOf(candidates.values()), waitlist, channel);
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

  private static @Nullable Outcome refusal(
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
}
