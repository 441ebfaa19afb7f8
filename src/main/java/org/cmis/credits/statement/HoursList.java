package org.cmis.credits.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cmis.credits.HourStatements;
import org.cmis.credits.Statement;
import org.cmis.membership.FirmDirectory;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberQuery;
import org.cmis.membership.MemberSummary;
import org.cmis.membership.ScopedMember;
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
 * members come from membership in one query; the lists' pages, counts, rates and the shortfall
 * report are counted, filtered and paged in PostgreSQL ({@link CountedHours}, the rules' arithmetic
 * in SQL), so that only a page's members get a statement ({@link HourStatements#statements});
 * {@link #all} (the people export) computes every statement.
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
  private final StatementService service;
  private final CountedHours counted;

  HoursList(
      MemberDirectory members,
      FirmDirectory firms,
      StatementService service,
      CountedHours counted) {
    this.members = members;
    this.firms = firms;
    this.service = service;
    this.counted = counted;
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
    List<Statement> all = service.statements(people, year);
    if (query.compliant() == null) {
      return all;
    }
    boolean wanted = query.compliant();
    return all.stream().filter(s -> s.compliant() == wanted).toList();
  }

  /**
   * One page of {@link #all}, counted, filtered and paged in PostgreSQL ({@link CountedHours}):
   * only the page's members get a statement; {@code lastIfPast} shows the last page instead of an
   * empty one past the end (the pages do, the API answers the empty page asked for).
   */
  @Transactional(readOnly = true)
  Counted counted(CurrentUser caller, int year, Query query, Paging paging, boolean lastIfPast) {
    List<ScopedMember> scope = scope(caller, query);
    CountedHours.Page page =
        counted.page(scope, year, query.compliant(), paging.offset(), paging.size());
    long total = page.total(query.compliant());
    if (lastIfPast && page.indexes().isEmpty() && total > 0) {
      paging = new Paging((int) ((total - 1) / paging.size() + 1), paging.size());
      page = counted.page(scope, year, query.compliant(), paging.offset(), paging.size());
    }
    List<Statement> items =
        service.statementsOf(page.indexes().stream().map(scope::get).toList(), year);
    boolean all = query.compliant() == null;
    return new Counted(
        new PageResult<>(items, total, paging.page(), paging.size()),
        all || query.compliant() ? page.compliant() : 0,
        all || !query.compliant() ? page.shortOnes() : 0);
  }

  /** A page of statements and the compliant and short counts of the whole (filtered) list. */
  record Counted(PageResult<Statement> result, long compliant, long shortOnes) {}

  /** One page of {@link #all} (the API's page: an empty one past the end). */
  PageResult<Statement> page(CurrentUser caller, int year, Query query, Paging paging) {
    return counted(caller, year, query, paging, false).result();
  }

  /**
   * The figures of the members short for the year in the caller's scope (the year-end shortfall
   * report), by member number, from PostgreSQL.
   */
  @Transactional(readOnly = true)
  List<CountedHours.Figures> shortOnes(CurrentUser caller, int year, @Nullable String institute) {
    return counted.figures(
        scope(caller, new Query(null, null, null, false, institute)), year, false);
  }

  /** The completion rate of every firm with people in the caller's scope, by firm number. */
  @Transactional(readOnly = true)
  List<FirmRate> firmRates(CurrentUser caller, int year, @Nullable String institute) {
    List<CountedHours.FirmCount> counts =
        counted.byFirm(
            scope(caller, new Query(null, MemberCategory.PRACTISING_CPA, null, null, institute)),
            year);
    Map<String, String> names =
        firms.names(counts.stream().map(CountedHours.FirmCount::firmNo).toList());
    List<FirmRate> rates = new ArrayList<>(counts.size());
    for (CountedHours.FirmCount c : counts) {
      rates.add(
          new FirmRate(
              c.firmNo(),
              names.getOrDefault(c.firmNo(), c.firmNo()),
              c.members(),
              c.compliant(),
              rate(c.compliant(), c.members())));
    }
    rates.sort(Comparator.comparing(FirmRate::firmNo));
    return rates;
  }

  /** The members in the caller's scope that the query matches (MEMBER 403). */
  private List<ScopedMember> scope(CurrentUser caller, Query query) {
    if (caller.is(Role.MEMBER)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    return members.scoped(
        caller, new MemberQuery(query.firmNo(), query.category(), query.q()), query.institute());
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
    return firmNamesOf(list.stream().map(Statement::firmNo).toList());
  }

  /** The names of the firms of these numbers (nulls and repeats allowed). */
  Map<String, String> firmNamesOf(java.util.Collection<@Nullable String> firmNos) {
    return firms.names(firmNos.stream().filter(java.util.Objects::nonNull).distinct().toList());
  }
}
