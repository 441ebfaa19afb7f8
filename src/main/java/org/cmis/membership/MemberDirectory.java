package org.cmis.membership;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Who the members are, as each caller may see them: staff their institute, a firm its own people,
 * administrators everyone, members nobody (F2.1; API.md, Members).
 */
@Service
public class MemberDirectory {

  private final JdbcClient jdbc;

  MemberDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of members in the caller's scope, ordered by member number. */
  @Transactional(readOnly = true)
  public PageResult<MemberSummary> list(CurrentUser caller, MemberQuery query, Paging paging) {
    List<String> where = new ArrayList<>();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    scope(caller, query, where, params);
    String from =
        " from member m left join firm f on f.id = m.firm_id where "
            + (where.isEmpty() ? "true" : String.join(" and ", where));
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    List<MemberSummary> items =
        jdbc.sql(
                "select m.member_no, m.name, m.category, f.firm_no, m.position, m.mobile, m.email"
                    + from
                    + " order by m.member_no limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, row) ->
                    new MemberSummary(
                        rs.getString("member_no"),
                        rs.getString("name"),
                        MemberCategory.valueOf(rs.getString("category")),
                        rs.getString("firm_no"),
                        rs.getString("position"),
                        rs.getString("mobile"),
                        rs.getString("email")))
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  /**
   * Every member in the caller's scope that the query matches, ordered by member number, without
   * paging: for lists whose filter is computed after the query (e.g. credits' compliant filter) and
   * for exports. {@code instituteCode} narrows an administrator's scope to one institute (for
   * others it must be their own institute, or null). One query, the same scope rules as {@link
   * #list}.
   */
  @Transactional(readOnly = true)
  public List<MemberSummary> inScope(
      CurrentUser caller,
      MemberQuery query,
      @org.jspecify.annotations.Nullable String instituteCode) {
    List<String> where = new ArrayList<>();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    scope(caller, query, instituteCode, where, params);
    return jdbc.sql(
            "select m.member_no, m.name, m.category, f.firm_no, m.position, m.mobile, m.email"
                + " from member m left join firm f on f.id = m.firm_id where "
                + (where.isEmpty() ? "true" : String.join(" and ", where))
                + " order by m.member_no")
        .params(params)
        .query(
            (rs, row) ->
                new MemberSummary(
                    rs.getString("member_no"),
                    rs.getString("name"),
                    MemberCategory.valueOf(rs.getString("category")),
                    rs.getString("firm_no"),
                    rs.getString("position"),
                    rs.getString("mobile"),
                    rs.getString("email")))
        .list();
  }

  /**
   * The same members as {@link #inScope}, in the same order (member number), but only their number,
   * name, category and firm: for lists that count, filter and page in their own SQL (the hours
   * lists pass the numbers and categories on as arrays), so that an institute of 100,000 is read in
   * one cheap query.
   */
  @Transactional(readOnly = true)
  public List<ScopedMember> scoped(
      CurrentUser caller,
      MemberQuery query,
      @org.jspecify.annotations.Nullable String instituteCode) {
    List<String> where = new ArrayList<>();
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    scope(caller, query, instituteCode, where, params);
    return jdbc.sql(
            "select m.member_no, m.name, m.category, f.firm_no"
                + " from member m left join firm f on f.id = m.firm_id where "
                + (where.isEmpty() ? "true" : String.join(" and ", where))
                + " order by m.member_no")
        .params(params)
        .query(
            (rs, row) ->
                new ScopedMember(
                    rs.getString(1),
                    rs.getString(2),
                    MemberCategory.valueOf(rs.getString(3)),
                    rs.getString(4)))
        .list();
  }

  /** The profiles of the given member numbers that exist, by member number. */
  @Transactional(readOnly = true)
  public java.util.Map<String, MemberProfile> profiles(java.util.Collection<String> memberNos) {
    if (memberNos.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, MemberProfile> found = new java.util.HashMap<>();
    jdbc.sql(
            "select m.member_no, m.name, m.gender, m.birth_date, m.category, f.firm_no,"
                + " m.institute_code,"
                + " m.partner, m.position, m.mobile, m.email, m.active from member m"
                + " left join firm f on f.id = m.firm_id where m.member_no in (:nos)")
        .param("nos", List.copyOf(memberNos))
        .query(
            (rs, row) ->
                new MemberProfile(
                    rs.getString("member_no"),
                    rs.getString("name"),
                    rs.getString("gender"),
                    rs.getObject("birth_date", java.time.LocalDate.class),
                    MemberCategory.valueOf(rs.getString("category")),
                    rs.getString("firm_no"),
                    rs.getString("institute_code"),
                    rs.getBoolean("partner"),
                    rs.getString("position"),
                    rs.getString("mobile"),
                    rs.getString("email"),
                    rs.getBoolean("active")))
        .list()
        .forEach(p -> found.put(p.memberNo(), p));
    return found;
  }

  /** One member's profile. */
  public java.util.Optional<MemberProfile> profile(String memberNo) {
    return java.util.Optional.ofNullable(profiles(List.of(memberNo)).get(memberNo));
  }

  /** {@link #scope}, narrowed to one institute (an administrator's choice, else its own). */
  private void scope(
      CurrentUser caller,
      MemberQuery query,
      @org.jspecify.annotations.Nullable String instituteCode,
      List<String> where,
      java.util.Map<String, Object> params) {
    scope(caller, query, where, params);
    if (instituteCode != null && !instituteCode.isBlank()) {
      if (!caller.is(Role.ADMIN) && !instituteCode.equals(caller.instituteCode())) {
        throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
      }
      where.add("m.institute_code = :onlyInstitute");
      params.put("onlyInstitute", instituteCode);
    }
  }

  /** The caller's scope and the query's filters as SQL conditions on member m and firm f. */
  private void scope(
      CurrentUser caller,
      MemberQuery query,
      List<String> where,
      java.util.Map<String, Object> params) {
    switch (caller.role()) {
      case ADMIN -> {}
      case STAFF -> {
        where.add("m.institute_code = :institute");
        params.put("institute", caller.instituteCode());
      }
      case FIRM -> {
        where.add("f.firm_no = :ownFirm");
        params.put("ownFirm", caller.firmNo());
      }
      case MEMBER -> throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    if (query.firmNo() != null && !query.firmNo().isBlank()) {
      checkFirmInScope(caller, query.firmNo());
      where.add("f.firm_no = :firmNo");
      params.put("firmNo", query.firmNo());
    }
    if (query.category() != null) {
      where.add("m.category = :category");
      params.put("category", query.category().name());
    }
    if (query.q() != null && !query.q().isBlank()) {
      where.add("(m.name like :q escape '\\' or m.member_no like :q escape '\\')");
      params.put("q", SqlLike.contains(query.q()));
    }
  }

  /** A firm outside the caller's scope is refused; one that does not exist gives no rows. */
  private void checkFirmInScope(CurrentUser caller, String firmNo) {
    if (caller.is(Role.FIRM) && !firmNo.equals(caller.firmNo())) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    if (caller.is(Role.STAFF)) {
      boolean elsewhere =
          jdbc.sql(
                  "select exists (select 1 from firm where firm_no = :firmNo"
                      + " and institute_code <> :institute)")
              .param("firmNo", firmNo)
              .param("institute", caller.instituteCode())
              .query(Boolean.class)
              .single();
      if (elsewhere) {
        throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
      }
    }
  }
}
