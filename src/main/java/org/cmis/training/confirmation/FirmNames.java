package org.cmis.training.confirmation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of firms by certificate number, for lists and exports (read only). The membership
 * module has no such query yet; when it gets one, this should call it instead.
 */
@Component
class FirmNames {

  private static final int CHUNK = 1000;

  private final JdbcClient jdbc;

  FirmNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The names of those of the given firm numbers that exist. */
  Map<String, String> of(Collection<String> firmNos) {
    Map<String, String> names = new HashMap<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(firmNos));
    for (int i = 0; i < all.size(); i += CHUNK) {
      jdbc.sql("select firm_no, name from firm where firm_no in (:nos)")
          .param("nos", all.subList(i, Math.min(all.size(), i + CHUNK)))
          .query((rs, row) -> names.put(rs.getString("firm_no"), rs.getString("name")))
          .list();
    }
    return names;
  }
}
