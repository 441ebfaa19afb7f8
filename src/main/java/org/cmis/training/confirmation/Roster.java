package org.cmis.training.confirmation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.Access;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.cmis.training.registration.Registration;
import org.cmis.training.registration.RegistrationFinder;
import org.cmis.training.registration.RegistrationQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every registration of a class in the caller's scope, in registration order, with what the lists
 * show beside it: the member's profile (gender, position) and the firm's name.
 */
@Component
public class Roster {

  private static final int CHUNK = 1000;

  private final ClassService classes;
  private final RegistrationFinder finder;
  private final MemberDirectory members;
  private final FirmNames firms;

  Roster(
      ClassService classes, RegistrationFinder finder, MemberDirectory members, FirmNames firms) {
    this.classes = classes;
    this.finder = finder;
    this.members = members;
    this.firms = firms;
  }

  /** One registration with its person's profile (if still there) and firm name. */
  public record Entry(
      Registration registration, @Nullable MemberProfile profile, String firmName) {}

  /** A class and its registrations. */
  public record Listing(TrainingClass trainingClass, List<Entry> entries) {}

  /**
   * The registrations an export may hold: staff of the organiser all of them, a firm its own
   * people's; everyone else is refused (a class the caller may not see is not found).
   */
  Listing forExport(CurrentUser caller, long classId, @Nullable RegistrationStatus status) {
    TrainingClass c = classes.get(caller, classId);
    if (!Access.isOrganiser(caller, c) && !caller.is(Role.FIRM)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    return new Listing(c, entries(caller, classId, status));
  }

  /** The registrations of a class of the caller's own institute (staff of the organiser). */
  Listing forOrganiser(CurrentUser staff, long classId, @Nullable RegistrationStatus status) {
    TrainingClass c = classes.get(staff, classId);
    Access.requireOrganiser(staff, c);
    return new Listing(c, entries(staff, classId, status));
  }

  private List<Entry> entries(
      CurrentUser caller, long classId, @Nullable RegistrationStatus status) {
    List<Registration> all = new ArrayList<>();
    RegistrationQuery query = new RegistrationQuery(classId, status, null, null, null);
    for (int page = 1; ; page++) {
      PageResult<Registration> result =
          finder.list(caller, query, new Paging(page, Paging.MAX_SIZE));
      all.addAll(result.items());
      if (result.items().size() < Paging.MAX_SIZE || page >= result.pages()) {
        break;
      }
    }
    Map<String, MemberProfile> profiles = new HashMap<>();
    List<String> memberNos = all.stream().map(Registration::memberNo).distinct().toList();
    for (int i = 0; i < memberNos.size(); i += CHUNK) {
      profiles.putAll(
          members.profiles(memberNos.subList(i, Math.min(memberNos.size(), i + CHUNK))));
    }
    Map<String, String> firmNames = firmNames(all);
    return all.stream()
        .map(
            r ->
                new Entry(
                    r,
                    profiles.get(r.memberNo()),
                    r.firmNo() == null ? "" : firmNames.getOrDefault(r.firmNo(), r.firmNo())))
        .toList();
  }

  /** The names of the firms of the given registrations, by firm number. */
  Map<String, String> firmNames(List<Registration> registrations) {
    return firms.of(
        registrations.stream().map(Registration::firmNo).filter(f -> f != null).toList());
  }
}
