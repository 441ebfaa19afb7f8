package org.cmis.membership;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every active member, for jobs that go through all of them (the hours reminders, F5.6) whoever
 * runs them: in member-number order, one batch at a time from the last number seen (keyset paging),
 * so that 100,000 members are read without an offset that grows with each page. Callers that show
 * members to someone use {@link MemberDirectory}, which knows the caller's scope.
 */
@Service
public class MemberRoster {

  private final JdbcClient jdbc;

  MemberRoster(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * At most {@code limit} active members whose numbers come after {@code after} (from the first
   * when null), ordered by member number; fewer than {@code limit} means there are no more.
   */
  @Transactional(readOnly = true)
  public List<MemberSummary> activeAfter(@Nullable String after, int limit) {
    return jdbc.sql(
            "select m.member_no, m.name, m.category, f.firm_no, m.position, m.mobile, m.email"
                + " from member m left join firm f on f.id = m.firm_id"
                + " where m.active and (cast(:after as text) is null or m.member_no > :after)"
                + " order by m.member_no limit :limit")
        .param("after", after)
        .param("limit", limit)
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
}
