package org.cmis.training.noshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestClasses;
import org.cmis.support.TestFirms;
import org.cmis.training.noshow.PastClasses.TrainingClassRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The no-show rule (F5.3) on the real PostgreSQL, one condition at a time; the list's scope
 * (another institute's staff, another firm, another member: nothing leaked; a foreign firm filter
 * refused); and the 通报: one published notice naming exactly the rows.
 */
@IntegrationTest
class NoShowRuleTest {

  private static final CurrentUser BJ_STAFF =
      new CurrentUser(-1, Role.STAFF, "bj-staff", "bj-staff", "BJ", null, null);
  private static final CurrentUser ADMIN =
      new CurrentUser(-1, Role.ADMIN, "admin", "admin", null, null, null);

  @Autowired NoShowFinder finder;
  @Autowired NoShowBulletin bulletin;
  @Autowired PastClasses past;
  @Autowired TestFirms firms;
  @Autowired JdbcClient jdbc;

  private TestFirms.Firm firm;
  private TrainingClassRow ended;
  private TrainingClassRow earlier;
  private long noShow;
  private long earlierNoShow;

  @BeforeEach
  void classesAndRegistrations() {
    firm = firms.aFirm().withCpas(9).create();
    ended = past.ended("SZ", 3, "未到规则测试班");
    earlier = past.ended("SZ", 30, "未到规则测试班（早）");
    TrainingClassRow endsToday = past.ended("SZ", 0, "今天结束的班");
    noShow = past.register(ended, firm, 1, "CONFIRMED", "ABSENT", false);
    past.register(ended, firm, 2, "CONFIRMED", "ATTENDED", false);
    past.register(ended, firm, 3, "CONFIRMED", null, false); // unmarked: not a no-show
    past.register(ended, firm, 4, "CONFIRMED", "ABSENT", true); // declared: not a no-show
    past.register(ended, firm, 5, "CANCELLED", "ABSENT", false);
    past.register(ended, firm, 6, "PENDING", "ABSENT", false);
    past.register(ended, firm, 7, "REJECTED", "ABSENT", false);
    past.register(endsToday, firm, 8, "CONFIRMED", "ABSENT", false); // not ended yet
    earlierNoShow = past.register(earlier, firm, 9, "CONFIRMED", "ABSENT", false);
  }

  private NoShowQuery ofFirm() {
    return new NoShowQuery(null, null, firm.firmNo(), null);
  }

  private static List<Long> ids(PageResult<NoShow> page) {
    return page.items().stream().map(NoShow::registrationId).toList();
  }

  @Test
  void onlyConfirmedUndeclaredAbsentRegistrationsOfEndedClassesAreNoShows() {
    PageResult<NoShow> page = finder.list(TestClasses.SZ_STAFF, ofFirm(), new Paging(1, 20));
    assertThat(ids(page)).containsExactly(earlierNoShow, noShow);
    assertThat(page.total()).isEqualTo(2);
    NoShow row = page.items().get(1);
    assertThat(row.memberNo()).isEqualTo(firm.memberNo(1));
    assertThat(row.name()).isEqualTo(firm.cpa(1).name());
    assertThat(row.firmName()).isEqualTo(firm.name());
    assertThat(row.className()).isEqualTo(ended.name());
    assertThat(row.trainingEnd()).isEqualTo(ended.end());
  }

  @Test
  void periodAndClassFilters() {
    NoShowQuery recent =
        new NoShowQuery(ended.end().minusDays(1), ended.end(), firm.firmNo(), null);
    assertThat(ids(finder.list(TestClasses.SZ_STAFF, recent, new Paging(1, 20))))
        .containsExactly(noShow);
    NoShowQuery old = new NoShowQuery(null, earlier.end(), firm.firmNo(), null);
    assertThat(ids(finder.list(TestClasses.SZ_STAFF, old, new Paging(1, 20))))
        .containsExactly(earlierNoShow);
    NoShowQuery one = new NoShowQuery(null, null, null, earlier.id());
    assertThat(ids(finder.list(TestClasses.SZ_STAFF, one, new Paging(1, 20))))
        .containsExactly(earlierNoShow);
    assertThat(finder.list(TestClasses.SZ_STAFF, ofFirm(), new Paging(2, 1)).items())
        .extracting(NoShow::registrationId)
        .containsExactly(noShow);
  }

  @Test
  void scopeLeaksNothing() {
    // Another institute's staff: nothing of SZ's classes, and a filter on an SZ firm is refused.
    NoShowQuery byClass = new NoShowQuery(null, null, null, ended.id());
    assertThat(finder.list(BJ_STAFF, byClass, new Paging(1, 20)).total()).isZero();
    assertThatThrownBy(() -> finder.list(BJ_STAFF, ofFirm(), new Paging(1, 20)))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    // Another firm: none of this firm's people, and this firm's number refused.
    TestFirms.Firm other = firms.aFirm().create();
    assertThat(finder.list(other.principal(), byClass, new Paging(1, 20)).total()).isZero();
    assertThatThrownBy(() -> finder.list(other.principal(), ofFirm(), new Paging(1, 20)))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    // The firm itself sees its people's; a member only its own.
    assertThat(ids(finder.list(firm.principal(), NoShowQuery.none(), new Paging(1, 20))))
        .containsExactly(earlierNoShow, noShow);
    assertThat(ids(finder.list(firm.member(1), NoShowQuery.none(), new Paging(1, 20))))
        .containsExactly(noShow);
    assertThat(finder.list(firm.member(2), byClass, new Paging(1, 20)).total()).isZero();
    assertThat(ids(finder.list(ADMIN, ofFirm(), new Paging(1, 20))))
        .containsExactly(earlierNoShow, noShow);
  }

  @Test
  void publishingABulletinCreatesExactlyOnePublishedNoticeNamingTheRows() {
    long before = jdbc.sql("select count(*) from notice").query(Long.class).single();
    long id = bulletin.publish(TestClasses.SZ_STAFF, ofFirm(), "127.0.0.1");
    assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single())
        .isEqualTo(before + 1);
    var notice =
        jdbc.sql(
                "select institute_code, title, body, publish_date, expiry_date from notice"
                    + " where id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(notice.get("institute_code")).isEqualTo("SZ");
    assertThat(notice.get("title")).isEqualTo("关于培训班未到人员的通报");
    assertThat(notice.get("publish_date").toString()).isEqualTo(past.today().toString());
    assertThat(notice.get("expiry_date")).isNull();
    String body = (String) notice.get("body");
    assertThat(body)
        .contains(firm.memberNo(1), firm.cpa(1).name(), firm.memberNo(9), firm.name())
        .contains(ended.name(), ended.start() + " ~ " + ended.end())
        .contains("共 2 人。")
        .doesNotContain(firm.memberNo(2), firm.memberNo(3), firm.memberNo(4), firm.memberNo(8));
    assertThat(body.lines().filter(l -> l.matches("\\d+\\. .*"))).hasSize(2);
  }

  @Test
  void aBulletinWithoutRowsOrByAnotherRoleIsRefusedAndPublishesNothing() {
    long before = jdbc.sql("select count(*) from notice").query(Long.class).single();
    NoShowQuery none = new NoShowQuery(null, null, null, past.ended("SZ", 5, "空班").id());
    assertThatThrownBy(() -> bulletin.publish(TestClasses.SZ_STAFF, none, "127.0.0.1"))
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.errors())
                  .extracting(f -> f.message())
                  .contains("noshows.bulletin.empty");
            });
    assertThatThrownBy(() -> bulletin.publish(firm.principal(), NoShowQuery.none(), "127.0.0.1"))
        .isInstanceOfSatisfying(
            CmisException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void filtersAreParsedStrictly() {
    assertThatThrownBy(() -> NoShowQuery.parse("2026-02-30", null, null, null))
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
              assertThat(e.errors()).extracting(f -> f.field()).containsExactly("from");
            });
    assertThatThrownBy(() -> NoShowQuery.parse("2026-05-02", "2026-05-01", null, null))
        .isInstanceOfSatisfying(
            CmisException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.errors()).extracting(f -> f.field()).containsExactly("to");
            });
    assertThatThrownBy(() -> NoShowQuery.parse(null, null, null, "abc"))
        .isInstanceOf(CmisException.class);
    assertThat(NoShowQuery.parse(" ", "", null, " 7 ").classId()).isEqualTo(7L);
    assertThat(NoShowBulletin.escape("王*_[x]<b>&")).isEqualTo("王\\*\\_\\[x\\]\\<b\\>\\&");
  }
}
