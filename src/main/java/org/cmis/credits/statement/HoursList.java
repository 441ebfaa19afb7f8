package org.cmis.credits.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.FirmDirectory;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberQuery;
import org.cmis.membership.MemberSummary;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 注册会计师培训情况查询 (F5.4): the statements of every member in the caller's scope (a firm its people,
 * staff its institute, admin all) for a year, filtered, and each firm's completion rate. The
 * members come from membership in one query, their statements from the ledger's totals in one more
 * ({@link HourStatements#statements}); the compliant filter applies after computing, since a
 * statement is never stored.
 */
@Service
class HoursList {

  /** The filters: firm, member category, name or number fragment, compliant, institute (admin). */
  record Query(
      @Nullable String firmNo,
      @Nullable MemberCategory category,
      @Nullable String q,
      @Nullable Boolean compliant,
      @Nullable String institute) {

    static Query none() {
      return new Query(null, null, null, null, null);
    }
  }

  /**
   * A firm's completion rate: of its practising CPAs in the caller's scope, how many are compliant
   * for the year; {@code rate} in percent with one decimal (0 for a firm without CPAs).
   */
  record FirmRate(String firmNo, String firmName, int cpas, int compliant, BigDecimal rate) {}

  private final MemberDirectory members;
  private final FirmDirectory firms;
  private final HourStatements statements;

  HoursList(MemberDirectory members, FirmDirectory firms, HourStatements statements) {
    this.members = members;
    this.firms = firms;
    this.statements = statements;
  }

  /** Every matching statement, by member number; MEMBER 403, a firm out of scope 403. */
  @Transactional(readOnly = true)
  List<Statement> all(CurrentUser caller, int year, Query query) {
    if (caller.is(Role.MEMBER)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    List<MemberSummary> people =
        members.inScope(
            caller,
            new MemberQuery(query.firmNo(), query.category(), query.q()),
            query.institute());
    List<Statement> all = statements.statements(people, year);
    if (query.compliant() == null) {
      return all;
    }
    boolean wanted = query.compliant();
    return all.stream().filter(s -> s.compliant() == wanted).toList();
  }

  /** One page of {@link #all}. */
  PageResult<Statement> page(CurrentUser caller, int year, Query query, Paging paging) {
    List<Statement> all = all(caller, year, query);
    int from = (int) Math.min(all.size(), paging.offset());
    int to = Math.min(all.size(), from + paging.size());
    return new PageResult<>(
        List.copyOf(all.subList(from, to)), all.size(), paging.page(), paging.size());
  }

  /** The completion rate of every firm with people in the caller's scope, by firm number. */
  @Transactional(readOnly = true)
  List<FirmRate> firmRates(CurrentUser caller, int year, @Nullable String institute) {
    List<Statement> cpas =
        all(caller, year, new Query(null, MemberCategory.PRACTISING_CPA, null, null, institute));
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Statement s : cpas) {
      if (s.firmNo() == null) {
        continue;
      }
      int[] c = counts.computeIfAbsent(s.firmNo(), k -> new int[2]);
      c[0]++;
      c[1] += s.compliant() ? 1 : 0;
    }
    Map<String, String> names = firms.names(counts.keySet());
    List<FirmRate> rates = new ArrayList<>(counts.size());
    counts.forEach(
        (firmNo, c) ->
            rates.add(
                new FirmRate(
                    firmNo, names.getOrDefault(firmNo, firmNo), c[0], c[1], rate(c[1], c[0]))));
    rates.sort(Comparator.comparing(FirmRate::firmNo));
    return rates;
  }

  static BigDecimal rate(int compliant, int total) {
    if (total == 0) {
      return new BigDecimal("0.0");
    }
    return BigDecimal.valueOf(compliant * 100L)
        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
  }

  /** The firms' names of the statements, for pages and exports. */
  Map<String, String> firmNames(List<Statement> list) {
    return firms.names(
        list.stream()
            .map(Statement::firmNo)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList());
  }
}
