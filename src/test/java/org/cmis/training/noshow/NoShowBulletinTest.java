package org.cmis.training.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The 通报's title per period and its body: one escaped line per person, and the count. */
class NoShowBulletinTest {

  private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
  private static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);

  private final NoShowBulletin bulletin = new NoShowBulletin(null, null, messages());

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("i18n/noshows");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  void theTitleNamesThePeriod() {
    assertThat(bulletin.title(NoShowQuery.none())).isEqualTo("关于培训班未到人员的通报");
    assertThat(bulletin.title(new NoShowQuery(MAY_1, MAY_31, null, null)))
        .isEqualTo("关于 2026-05-01 至 2026-05-31 结束的培训班未到人员的通报");
    assertThat(bulletin.title(new NoShowQuery(MAY_1, MAY_1, null, null)))
        .isEqualTo("关于 2026-05-01 结束的培训班未到人员的通报");
    assertThat(bulletin.title(new NoShowQuery(MAY_1, null, null, null)))
        .isEqualTo("关于 2026-05-01 以来结束的培训班未到人员的通报");
    assertThat(bulletin.title(new NoShowQuery(null, MAY_31, null, null)))
        .isEqualTo("关于 2026-05-31 以前结束的培训班未到人员的通报");
  }

  @Test
  void theBodyListsEveryPersonEscaped() {
    NoShow one =
        new NoShow(
            1,
            "440300010031",
            "王*五",
            "44030001",
            "深圳[测试]会计师事务所",
            9,
            "SZ-1",
            "审计班",
            "SZ",
            MAY_1,
            LocalDate.of(2026, 5, 2));
    NoShow two =
        new NoShow(2, "440399000001", "李四", null, null, 9, "SZ-1", "审计班", "SZ", MAY_1, MAY_1);
    String body = bulletin.body(NoShowQuery.none(), List.of(one, two));
    assertThat(body.lines().filter(l -> l.matches("\\d+\\. .*")))
        .containsExactly(
            "1. **王\\*五**（注册会计师编号：440300010031），深圳\\[测试\\]会计师事务所，审计班，2026-05-01 ~ 2026-05-02",
            "2. **李四**（注册会计师编号：440399000001），（非执业会员），审计班，2026-05-01");
    assertThat(body).startsWith("下列人员报名参加培训班并经确认").endsWith("共 2 人。\n");
  }
}
