package org.cmis.membership;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The institutes, and head counts for the home pages. */
@Service
public class InstituteDirectory {

  private final JdbcClient jdbc;

  InstituteDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Institute> all() {
    return jdbc.sql("select code, name, phone, email from institute order by code")
        .query(Institute.class)
        .list();
  }

  public Optional<Institute> find(String code) {
    return jdbc.sql("select code, name, phone, email from institute where code = :code")
        .param("code", code)
        .query(Institute.class)
        .optional();
  }

  /** Members per category in the caller's scope (none for a member). */
  public Map<MemberCategory, Long> headCount(CurrentUser caller) {
    String scope =
        switch (caller.role()) {
          case ADMIN -> "true";
          case STAFF -> "m.institute_code = :scope";
          case FIRM -> "f.firm_no = :scope";
          case MEMBER -> "false";
        };
    Map<MemberCategory, Long> counts = new EnumMap<>(MemberCategory.class);
    JdbcClient.StatementSpec spec =
        jdbc.sql(
            "select m.category, count(*) as n from member m left join firm f on f.id = m.firm_id"
                + " where "
                + scope
                + " group by m.category");
    if (caller.is(Role.STAFF)) {
      spec = spec.param("scope", caller.instituteCode());
    } else if (caller.is(Role.FIRM)) {
      spec = spec.param("scope", caller.firmNo());
    }
    spec.query(
            (rs, row) ->
                counts.put(MemberCategory.valueOf(rs.getString("category")), rs.getLong("n")))
        .list();
    return counts;
  }
}
