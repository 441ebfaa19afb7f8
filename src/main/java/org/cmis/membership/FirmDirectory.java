package org.cmis.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other modules may ask about firms by certificate number: their names, looked up in bulk
 * for a whole list page or export, and the institute a firm belongs to.
 */
@Service
public class FirmDirectory {

  /** Firm numbers per query, well under PostgreSQL's bind parameter limit. */
  private static final int CHUNK = 1000;

  private final JdbcClient jdbc;

  FirmDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The names of those of the given firm numbers that exist, in one query per 1000 numbers. */
  @Transactional(readOnly = true)
  public Map<String, String> names(Collection<String> firmNos) {
    Map<String, String> names = new HashMap<>();
    List<String> all = new ArrayList<>(new LinkedHashSet<>(firmNos));
    for (int i = 0; i < all.size(); i += CHUNK) {
      jdbc.sql("select firm_no, name from firm where firm_no in (:nos)")
          .param("nos", all.subList(i, Math.min(all.size(), i + CHUNK)))
          .query((rs, row) -> names.put(rs.getString("firm_no"), rs.getString("name")))
          .list();
    }
    return names;
  }

  /** A firm's name, e.g. for a printed document. */
  public Optional<String> name(String firmNo) {
    return jdbc.sql("select name from firm where firm_no = :f")
        .param("f", firmNo)
        .query(String.class)
        .optional();
  }

  /** The code of the institute a firm belongs to; empty if there is no such firm. */
  public Optional<String> instituteOf(String firmNo) {
    return jdbc.sql("select institute_code from firm where firm_no = :f")
        .param("f", firmNo)
        .query(String.class)
        .optional();
  }
}
