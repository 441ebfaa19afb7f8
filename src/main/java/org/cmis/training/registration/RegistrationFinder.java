package org.cmis.training.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cmis.membership.FirmDirectory;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.SqlLike;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists registrations in the caller's scope, in registration order. */
@Service
public class RegistrationFinder {

  private final JdbcClient jdbc;
  private final FirmDirectory firms;

  RegistrationFinder(JdbcClient jdbc, FirmDirectory firms) {
    this.jdbc = jdbc;
    this.firms = firms;
  }

  @Transactional(readOnly = true)
  public PageResult<Registration> list(CurrentUser caller, RegistrationQuery q, Paging paging) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    switch (caller.role()) {
      case ADMIN -> {}
      case STAFF -> {
        where.add("c.institute_code = :own");
        params.put("own", caller.instituteCode());
      }
      case FIRM -> {
        if (q.firmNo() != null && !q.firmNo().equals(caller.firmNo())) {
          throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
        }
        // its people's, and read-only what it registered before they moved (ADR 0025)
        where.add("(r.firm_no = :ownFirm or r.registering_firm_no = :ownFirm)");
        params.put("ownFirm", caller.firmNo());
      }
      case MEMBER -> {
        if (q.memberNo() != null && !q.memberNo().equals(caller.memberNo())) {
          throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
        }
        where.add("r.member_no = :me");
        params.put("me", caller.memberNo());
      }
    }
    if (caller.is(Role.STAFF) && q.firmNo() != null) {
      boolean elsewhere =
          firms.instituteOf(q.firmNo()).filter(i -> !i.equals(caller.instituteCode())).isPresent();
      if (elsewhere) {
        throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
      }
    }
    if (q.classId() != null) {
      where.add("r.class_id = :class");
      params.put("class", q.classId());
    }
    if (q.status() != null) {
      where.add("r.status = :status");
      params.put("status", q.status().name());
    }
    if (q.memberNo() != null) {
      where.add("r.member_no = :memberNo");
      params.put("memberNo", q.memberNo());
    }
    if (q.firmNo() != null && caller.is(Role.FIRM)) {
      where.add("(r.firm_no = :firmNo or r.registering_firm_no = :firmNo)");
      params.put("firmNo", q.firmNo());
    } else if (q.firmNo() != null) {
      where.add("r.firm_no = :firmNo");
      params.put("firmNo", q.firmNo());
    }
    if (q.name() != null && !q.name().isBlank()) {
      where.add("r.name like :name escape '\\'");
      params.put("name", SqlLike.contains(q.name()));
    }
    String from =
        " from registration r join training_class c on c.id = r.class_id"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    // counted up to the cap and one more: an institute's unfiltered list has a million rows
    // (ADR 0042); past the cap the answer says 10000 with totalCapped
    long counted =
        jdbc.sql(
                "select count(*) from (select 1"
                    + from
                    + " limit "
                    + (PageResult.COUNT_CAP + 1)
                    + ") counted")
            .params(params)
            .query(Long.class)
            .single();
    boolean capped = counted > PageResult.COUNT_CAP;
    long total = capped ? PageResult.COUNT_CAP : counted;
    List<Registration> items =
        jdbc.sql(
                "select "
                    + RegistrationRepository.COLUMNS
                    + from
                    + " order by r.registered_at, r.id limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(RegistrationRepository::map)
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size(), capped);
  }

  /** A firm's name by its number, for printed documents such as the registration receipt. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> firmName(String firmNo) {
    return firms.name(firmNo);
  }
}
