package org.cmis.membership;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The institutes, their names for the other modules' lists, and head counts for the home pages. */
@Service
public class InstituteDirectory {

  private final JdbcClient jdbc;

  /**
   * Code → name of the few institutes (about 30, loaded with the system and never renamed by it),
   * so that a list page names each row's institute without a query; an unknown code reloads them.
   */
  private volatile Map<String, String> names = Map.of();

  InstituteDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Institute> all() {
    return jdbc.sql(
            "select code, name, phone, email, training_department from institute order by code")
        .query(Institute.class)
        .list();
  }

  public Optional<Institute> find(String code) {
    return jdbc.sql(
            "select code, name, phone, email, training_department from institute where code = :code")
        .param("code", code)
        .query(Institute.class)
        .optional();
  }

  /**
   * The name of an institute, from memory: a list of classes or notices names the institute of
   * every row without asking the database. A code not known (yet) reloads the names once; one that
   * is still unknown comes back as it is.
   */
  public String name(String code) {
    String name = names.get(code);
    if (name == null) {
      names = loadNames();
      name = names.getOrDefault(code, code);
    }
    return name;
  }

  private Map<String, String> loadNames() {
    Map<String, String> loaded = new HashMap<>();
    jdbc.sql("select code, name from institute")
        .query((rs, row) -> loaded.put(rs.getString("code"), rs.getString("name")))
        .list();
    return Map.copyOf(loaded);
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
