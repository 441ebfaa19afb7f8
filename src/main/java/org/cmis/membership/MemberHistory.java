package org.cmis.membership;

import java.time.OffsetDateTime;
import java.util.List;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's history of changes, newest first (F2.3). It does not check who asks: callers decide
 * whether the caller may see the member first.
 */
@Service
public class MemberHistory {

  private final JdbcClient jdbc;

  MemberHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public PageResult<HistoryEntry> of(String memberNo, Paging paging) {
    long total =
        jdbc.sql(
                "select count(*) from member_history h join member m on m.id = h.member_id"
                    + " where m.member_no = :no")
            .param("no", memberNo)
            .query(Long.class)
            .single();
    List<HistoryEntry> items =
        jdbc.sql(
                "select h.changed_at, h.changed_by, h.field, h.old_value, h.new_value"
                    + " from member_history h join member m on m.id = h.member_id"
                    + " where m.member_no = :no order by h.id desc limit :limit offset :offset")
            .param("no", memberNo)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(
                (rs, row) ->
                    new HistoryEntry(
                        rs.getObject("changed_at", OffsetDateTime.class),
                        rs.getString("changed_by"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value")))
            .list();
    return new PageResult<>(items, total, paging.page(), paging.size());
  }
}
