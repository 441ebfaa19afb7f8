package org.cmis.membership.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cmis.shared.spreadsheet.ParsedRow;
import org.junit.jupiter.api.Test;

/** Reading import files and writing their templates (F2.6), without a database. */
class ImportWorkbooksTest {

  private final ImportWorkbooks workbooks = new ImportWorkbooks();

  @Test
  void theMembersTemplateReadsBackAsItsExampleRow() throws Exception {
    List<ParsedRow<MemberRow>> rows =
        workbooks.members(new ByteArrayInputStream(workbooks.template(ImportKind.MEMBERS)));
    assertThat(rows).hasSize(1);
    MemberRow r = rows.get(0).value();
    assertThat(rows.get(0).rowNumber()).isEqualTo(2);
    assertThat(r.memberNo()).isEqualTo("P00012345");
    assertThat(r.category()).isEqualTo("从业人员");
    assertThat(r.birthDate()).isEqualTo("1990-05-01");
    assertThat(r.partner()).isFalse();
    assertThat(r.active()).isTrue();
    assertThat(rows.get(0).errors()).isEmpty();
  }

  @Test
  void theFirmsTemplateReadsBackToo() throws Exception {
    List<ParsedRow<FirmRow>> rows =
        workbooks.firms(new ByteArrayInputStream(workbooks.template(ImportKind.FIRMS)));
    assertThat(rows)
        .singleElement()
        .satisfies(r -> assertThat(r.value().firmNo()).isEqualTo("44030099"));
  }

  @Test
  void aYesNoCellThatIsNeitherIsTheRowsError() throws Exception {
    byte[] file =
        Workbooks.of(
            List.of("人员编号", "姓名", "性别", "人员类别", "是否合伙人", "出生日期"),
            List.of(List.of("440300010001", "张三", "男", "执业注册会计师", "也许", "1990/5/1")));
    ParsedRow<MemberRow> row = workbooks.members(new ByteArrayInputStream(file)).get(0);
    assertThat(row.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("partner");
              assertThat(e.message()).contains("是").contains("否");
            });
    assertThat(row.value().birthDate()).isEqualTo("1990-05-01");
  }

  @Test
  void filesThatCannotBeImportedSaySoInChinese() {
    assertThatThrownBy(
            () ->
                workbooks.members(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ImportWorkbooks.UnreadableFile.class)
        .hasMessageContaining(".xlsx");
    assertThatThrownBy(
            () ->
                workbooks.members(
                    new ByteArrayInputStream(Workbooks.of(List.of("姓名"), List.of(List.of("张三"))))))
        .hasMessageContaining("缺少必填列")
        .hasMessageContaining("人员编号");
    assertThatThrownBy(
            () ->
                workbooks.members(
                    new ByteArrayInputStream(Workbooks.of(Workbooks.MEMBER_HEADERS, List.of()))))
        .hasMessageContaining("没有数据");
  }
}
