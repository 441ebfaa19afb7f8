package org.cmis.membership.profile;

import java.util.Collection;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.HistoryEntry;
import org.cmis.membership.LocalContact;
import org.cmis.membership.MemberChanges;
import org.cmis.membership.MemberDetails;
import org.cmis.membership.MemberDetailsReader;
import org.cmis.membership.MemberHistory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's personal information for the page and the API (F2.3): reading it and its history in
 * the caller's scope, and the member's own change of its local fields, which goes through {@link
 * MemberChanges#changeLocal} (one history row per changed field, {@code MemberChanged} published).
 */
@Service
class ProfileService {

  private final ProfileAccess access;
  private final MemberDetailsReader reader;
  private final MemberHistory history;
  private final MemberChanges changes;
  private final JdbcClient jdbc;

  ProfileService(
      ProfileAccess access,
      MemberDetailsReader reader,
      MemberHistory history,
      MemberChanges changes,
      JdbcClient jdbc) {
    this.access = access;
    this.reader = reader;
    this.history = history;
    this.changes = changes;
    this.jdbc = jdbc;
  }

  MemberDetails view(CurrentUser caller, String memberNo) {
    return access.visible(caller, memberNo);
  }

  PageResult<HistoryEntry> history(CurrentUser caller, String memberNo, Paging paging) {
    access.visible(caller, memberNo);
    return history.of(memberNo, paging);
  }

  /**
   * The member changes its own mobile, email or mailing address (null: keep). The member's row is
   * locked before the current values are read, so that two changes of different fields at once both
   * stay and each history row's old value is the previous row's new one. {@code otherNames} are the
   * further names of the change (an API body's): a platform-owned field among them refuses the
   * whole change.
   */
  @Transactional
  MemberDetails change(
      CurrentUser caller,
      String memberNo,
      Collection<String> otherNames,
      @Nullable String mobile,
      @Nullable String email,
      @Nullable String address) {
    access.changeable(caller, memberNo);
    LocalFields.refusePlatformOwned(otherNames);
    jdbc.sql("set local lock_timeout = '3s'").update();
    LocalContact current =
        jdbc.sql("select mobile, email, address from member where member_no = :no for update")
            .param("no", memberNo)
            .query(
                (rs, row) ->
                    new LocalContact(
                        rs.getString("mobile"), rs.getString("email"), rs.getString("address")))
            .optional()
            .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
    changes.changeLocal(
        memberNo, LocalFields.merge(current, mobile, email, address), ChangedBy.member(memberNo));
    return reader
        .details(memberNo)
        .orElseThrow(() -> new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND"));
  }
}
