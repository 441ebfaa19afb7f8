package org.cmis.membership.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file imports, and its columns: field → the Chinese header of the template (an import finds
 * its columns by these headers or by the field names).
 */
public enum ImportKind {
  MEMBERS(
      columns(
          "memberNo", "人员编号",
          "name", "姓名",
          "gender", "性别",
          "birthDate", "出生日期",
          "idNumber", "身份证号码",
          "category", "人员类别",
          "firmNo", "事务所编号",
          "instituteCode", "所属协会",
          "position", "职务",
          "mobile", "手机",
          "email", "电子邮箱",
          "partner", "是否合伙人",
          "active", "是否有效"),
      List.of("memberNo", "name", "gender", "category")),
  FIRMS(
      columns(
          "firmNo", "事务所编号",
          "name", "事务所名称",
          "creditCode", "统一社会信用代码",
          "instituteCode", "所属协会"),
      List.of("firmNo", "name", "instituteCode"));

  /** The most data rows one file takes. */
  public static final int MAX_ROWS = 20_000;

  private final Map<String, String> headers;
  private final List<String> required;

  ImportKind(Map<String, String> headers, List<String> required) {
    this.headers = headers;
    this.required = required;
  }

  /** Field → header text, in the template's column order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The fields whose columns a file must have. */
  public List<String> required() {
    return required;
  }

  /** The header of a field, or the field itself when it is no column (a whole-row error: ""). */
  public String header(String field) {
    return headers.getOrDefault(field, field);
  }

  private static Map<String, String> columns(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
