package org.cmis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmis.demo.DemoClasses.DemoClass;
import org.cmis.training.catalog.ClassInput;
import org.junit.jupiter.api.Test;

class DemoClassesTest {

  private static final Set<String> EVERY_STATUS =
      Set.of("DRAFT", "NOT_OPEN", "OPEN", "CLOSED", "IN_PROGRESS", "FINISHED", "CANCELLED");

  /** The status rule of API.md (first that applies), as TrainingClass.statusOn. */
  private static String status(DemoClass c, LocalDate today) {
    if (c.cancelled()) {
      return "CANCELLED";
    }
    ClassInput in = c.input();
    if (!Boolean.TRUE.equals(in.published())) {
      return "DRAFT";
    }
    if (!today.isBefore(LocalDate.parse(in.registrationStart()))
        && !today.isAfter(LocalDate.parse(in.registrationEnd()))) {
      return "OPEN";
    }
    if (today.isAfter(LocalDate.parse(in.trainingEnd()))) {
      return "FINISHED";
    }
    if (!today.isBefore(LocalDate.parse(in.trainingStart()))) {
      return "IN_PROGRESS";
    }
    if (today.isBefore(LocalDate.parse(in.registrationStart()))) {
      return "NOT_OPEN";
    }
    return "CLOSED";
  }

  @Test
  void everyDayOfTheYearGivesValidDatesInsideTheYear() {
    for (int year : List.of(2026, 2028)) {
      for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
        for (DemoClass c : DemoClasses.on(day)) {
          ClassInput in = c.input();
          assertThat(in.year()).isEqualTo(year);
          for (LocalDate d :
              List.of(
                  LocalDate.parse(in.registrationStart()),
                  LocalDate.parse(in.registrationEnd()),
                  LocalDate.parse(in.trainingStart()),
                  LocalDate.parse(in.trainingEnd()),
                  LocalDate.parse(in.cancellationDeadline()))) {
            assertThat(d.getYear()).as(c.key() + " on " + day).isEqualTo(year);
          }
          assertThat(LocalDate.parse(in.registrationStart()))
              .isBeforeOrEqualTo(LocalDate.parse(in.registrationEnd()));
          assertThat(LocalDate.parse(in.registrationEnd()))
              .isBeforeOrEqualTo(LocalDate.parse(in.trainingEnd()));
          assertThat(LocalDate.parse(in.registrationStart()))
              .isBeforeOrEqualTo(LocalDate.parse(in.trainingStart()));
          assertThat(LocalDate.parse(in.trainingStart()))
              .isBeforeOrEqualTo(LocalDate.parse(in.trainingEnd()));
          assertThat(LocalDate.parse(in.cancellationDeadline()))
              .isBeforeOrEqualTo(LocalDate.parse(in.trainingStart()));
        }
      }
    }
  }

  @Test
  void everyStatusOfBothInstitutesFromTheSecondToThePenultimateDayOfTheYear() {
    for (LocalDate day = LocalDate.of(2026, 1, 2);
        day.isBefore(LocalDate.of(2026, 12, 31));
        day = day.plusDays(1)) {
      List<DemoClass> classes = DemoClasses.on(day);
      for (String institute : List.of("SZ", "BJ")) {
        LocalDate today = day;
        Set<String> statuses =
            classes.stream()
                .filter(c -> c.instituteCode().equals(institute))
                .map(c -> status(c, today))
                .collect(Collectors.toSet());
        assertThat(statuses).as(institute + " on " + day).isEqualTo(EVERY_STATUS);
      }
    }
    LocalDate midYear = LocalDate.of(2026, 6, 15);
    assertThat(DemoClasses.on(midYear))
        .allSatisfy(c -> assertThat(status(c, midYear)).as(c.key()).isEqualTo(c.intended()));
  }

  @Test
  void oneExternalClassAndRealisticPlaces() {
    List<DemoClass> classes = DemoClasses.on(LocalDate.of(2026, 6, 15));
    assertThat(classes.stream().filter(c -> Boolean.TRUE.equals(c.input().external())))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.input().externalUrl()).isEqualTo("https://www.snai.edu/");
              assertThat(c.input().published()).isTrue();
            });
    assertThat(classes)
        .allSatisfy(
            c -> {
              assertThat(c.input().capacity()).isBetween(100, 500);
              assertThat(c.input().maxRegistrations()).isGreaterThanOrEqualTo(c.input().capacity());
              assertThat(c.input().ethicsHours()).isLessThanOrEqualTo(c.input().hours());
              assertThat(c.input().name()).doesNotContain("{");
            });
    assertThat(classes)
        .extracting(c -> c.input().name())
        .contains(
            "深圳辖区从事证券服务业务会计师事务所质量管理培训班",
            "“把握可持续信息披露新机遇”专题培训",
            "第四十二期CPA文化大讲堂",
            "2026年度审计准则新变化解读培训班");
    assertThat(classes).extracting(c -> c.input().code()).doesNotHaveDuplicates();
    assertThat(classes).anyMatch(c -> c.input().confirmationMode().equals("AUTO"));
    assertThat(classes).anyMatch(c -> Boolean.TRUE.equals(c.input().waitlistEnabled()));
    assertThat(classes.stream().map(c -> c.input().audiences()).distinct().count())
        .isGreaterThan(2);
    assertThat(DemoClasses.registrations())
        .extracting(DemoClasses.DemoRegistration::status)
        .contains("PENDING", "CONFIRMED");
  }
}
