package org.cmis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.cmis.shared.web.MessageBundles;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** The readable change of an audit entry: only the changed fields, in words (ADR 0035). */
class AuditDiffTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final AuditView view = new AuditView(bundles());

  private static ReloadableResourceBundleMessageSource bundles() {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasenames(MessageBundles.BASENAMES);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  void onlyTheFieldsThatDifferAreListed() {
    AuditDiff.Result diff =
        AuditDiff.of(
            "{\"name\":\"审计准则\",\"capacity\":40,\"hours\":24.0,\"published\":false,"
                + "\"location\":\"深圳\"}",
            "{\"name\":\"审计准则\",\"capacity\":60,\"hours\":24,\"published\":true,"
                + "\"location\":\"深圳\"}");
    assertThat(diff.structured()).isTrue();
    assertThat(diff.fields())
        .extracting(AuditDiff.Field::key)
        .containsExactly("capacity", "published");
    assertThat(diff.fields().get(0).before()).isEqualTo(40);
    assertThat(diff.fields().get(0).after()).isEqualTo(60);
  }

  @Test
  void keysOnlyOnOneSideAreChangesAndNestedObjectsAreFlattened() {
    AuditDiff.Result diff =
        AuditDiff.of(
            "{\"status\":\"PENDING\"}",
            "{\"status\":\"REJECTED\",\"reason\":\"名额已满\",\"entry\":{\"hours\":8}}");
    assertThat(diff.fields())
        .extracting(AuditDiff.Field::key)
        .containsExactly("status", "reason", "entry.hours");
    assertThat(AuditDiff.of(null, "{\"a\":1}").fields()).hasSize(1);
    assertThat(AuditDiff.of("{\"a\":\"\"}", "{}").fields()).isEmpty();
  }

  @Test
  void olderEntriesThatAreNotJsonAreShownAsTheyAre() {
    AuditDiff.Result diff = AuditDiff.of("PENDING", "CONFIRMED: 好");
    assertThat(diff.structured()).isFalse();
    assertThat(diff.textBefore()).isEqualTo("PENDING");
    assertThat(diff.textAfter()).isEqualTo("CONFIRMED: 好");
    AuditDiff.Result record = AuditDiff.of(null, "ClassData[code=SZ2026001, name=审计]");
    assertThat(record.structured()).isFalse();
    assertThat(record.textAfter()).startsWith("ClassData[");
    assertThat(AuditDiff.of("{broken", null).structured()).isFalse();
  }

  @Test
  void labelsAndValuesAreInChineseWithTheFallbacks() {
    AuditEntry entry =
        new AuditEntry(
            1,
            java.time.OffsetDateTime.now(),
            "sz-staff",
            "CLASS_UPDATED",
            "TrainingClass",
            "12",
            "127.0.0.1",
            "{\"capacity\":40,\"waitlistEnabled\":false,\"mode\":\"ON_SITE\","
                + "\"audiences\":[\"PRACTISING_CPA\"],\"strangeKey\":1,\"password\":\"a\"}",
            "{\"capacity\":60,\"waitlistEnabled\":true,\"mode\":\"ONLINE\","
                + "\"audiences\":[\"PRACTISING_CPA\",\"PRACTITIONER\"],\"strangeKey\":2,"
                + "\"password\":\"b\"}");
    AuditView.Row row = view.row(entry, ZH);
    assertThat(row.action()).isEqualTo("修改培训班");
    assertThat(row.entity()).isEqualTo("培训班");
    assertThat(row.link()).isEqualTo("/classes/12");
    assertThat(row.changes())
        .extracting(c -> c.label() + "：" + c.before() + " → " + c.after())
        .containsExactly(
            "培训人数：40 → 60",
            "允许候补：否 → 是",
            "培训方式：面授 → 网络",
            "培训对象：注册会计师 → 注册会计师、从业人员",
            "strangeKey：1 → 2",
            "password：****** → ******");
  }

  @Test
  void aFieldIsLabelledByItsEntitysModuleFirstAndAValueByItsField() {
    assertThat(view.fieldLabel("name", "TrainingClass", ZH)).isEqualTo("培训班名称");
    assertThat(view.fieldLabel("name", "ClaimType", ZH)).isEqualTo("名称");
    assertThat(view.fieldLabel("name", "Institute", ZH)).isEqualTo("协会名称");
    assertThat(view.fieldLabel("outputCap", "ComplianceRule", ZH)).isEqualTo("产出法学时上限");
    assertThat(view.fieldLabel("entry.hours", "HourEntry", ZH)).isEqualTo("学时");
    assertThat(view.fieldLabel("noSuchField", "Notice", ZH)).isEqualTo("noSuchField");
    assertThat(view.value("entry.source", "MANUAL", ZH)).isEqualTo("人工登记");
    assertThat(view.value("confirmationMode", "MANUAL", ZH)).isEqualTo("人工确认");
    assertThat(view.value("hours", 24.50, ZH)).isEqualTo("24.5");
    assertThat(view.value("classIds", List.of(), ZH)).isEqualTo(AuditView.NONE);
  }

  @Test
  void entitiesLinkToTheirPagesWhereThereIsOne() {
    assertThat(AuditView.link("Notice", "7", "NOTICE_UPDATED")).isEqualTo("/notices/7");
    assertThat(AuditView.link("Notice", "7", "NOTICE_DELETED")).isNull();
    assertThat(AuditView.link("Registration", "9", "REGISTRATION_CONFIRMED"))
        .isEqualTo("/registrations/9/receipt");
    assertThat(AuditView.link("Claim", "3", "CLAIM_APPROVED")).isEqualTo("/claims/3");
    assertThat(AuditView.link("PasswordResetApplication", "202612020001", "X"))
        .isEqualTo("/manage/password-resets/202612020001");
    assertThat(AuditView.link("Account", "MEMBER:440300010001", "SIGN_IN"))
        .isEqualTo("/members/440300010001");
    assertThat(AuditView.link("Account", "5", "STAFF_ROLE_CHANGED")).isEqualTo("/admin/staff");
    assertThat(AuditView.link("Account", "FIRM:44030001", "SIGN_IN")).isNull();
    assertThat(AuditView.link("HourEntry", "4", "HOUR_ENTRY_ADDED")).isNull();
    assertThat(AuditView.link("TrainingClass", "1/../../x", "CLASS_UPDATED")).isNull();
    assertThat(List.of("Institute", "Setting", "ComplianceRule", "ClaimType"))
        .allSatisfy(type -> assertThat(AuditView.link(type, "x", "A")).startsWith("/admin/"));
  }
}
