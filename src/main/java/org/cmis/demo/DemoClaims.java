package org.cmis.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 产出法形式学时 claims of the demo set (ISSUE 14, point 8): in firms 44030001 (SZ) and 11010001 (BJ),
 * claims in every status with small generated evidence (a PNG and a PDF), and the ledger entries of
 * the granted and reversed ones, as credits posts them (category OUTPUT, source CLAIM). The granted
 * claims go to serials 27 and 28, who are short of hours anyway and stay short (DemoHours keeps its
 * counts); serials 36 and 37 have claims without hours: pending (with two files), draft, returned
 * with a reason, withdrawn.
 */
final class DemoClaims {

  private static final List<String> FIRMS = List.of("44030001", "11010001");

  private DemoClaims() {}

  /** One demo claim. */
  private record DemoClaim(
      int serial,
      String type,
      String title,
      int daysAgo,
      String identifier,
      @Nullable String units,
      String claimed,
      String status,
      @Nullable String granted,
      String reason) {}

  private static final List<DemoClaim> CLAIMS =
      List.of(
          new DemoClaim(
              27,
              "ARTICLE",
              "新收入准则下建筑企业收入确认的审计要点",
              60,
              "中国注册会计师 第 3 期",
              null,
              "8",
              "APPROVED",
              "8",
              ""),
          new DemoClaim(
              28,
              "TEACHING",
              "审计抽样方法（事务所内部培训）",
              45,
              "NB-2026-07",
              "6",
              "12",
              "PARTIAL",
              "8",
              "授课学时按实际讲授 4 课时认定"),
          new DemoClaim(
              28,
              "RESEARCH",
              "中小事务所质量管理体系研究",
              90,
              "KT-2026-02",
              null,
              "10",
              "REVERSED",
              "10",
              "课题尚未结题，误通过，予以冲销"),
          new DemoClaim(
              36, "BOOK", "企业内部控制审计实务", 20, "978-7-5095-0000-1", "5", "10", "PENDING", null, ""),
          new DemoClaim(36, "OTHER", "行业知识竞赛评委", 10, "", null, "4", "DRAFT", null, ""),
          new DemoClaim(
              37,
              "INSPECTION",
              "2026 年度执业质量检查",
              30,
              "检查通知〔2026〕5 号",
              "3",
              "12",
              "RETURNED",
              null,
              "请补充协会抽调通知的扫描件"),
          new DemoClaim(
              37, "ARTICLE", "关联方交易审计案例分析", 15, "财会月刊 第 9 期", null, "8", "WITHDRAWN", null, ""));

  /** Writes the demo claims, their evidence and entries; answers how many claims. */
  static int insert(JdbcTemplate jdbc, DemoDataSet data, LocalDate today) {
    Map<String, DemoDataSet.Member> members = new HashMap<>();
    for (DemoDataSet.Member m : data.members()) {
      members.put(m.memberNo(), m);
    }
    byte[] png = png();
    byte[] pdf = pdf();
    int written = 0;
    for (String firmNo : FIRMS) {
      String staff = (firmNo.startsWith("4403") ? "sz" : "bj") + "-staff";
      for (DemoClaim c : CLAIMS) {
        DemoDataSet.Member m = members.get(firmNo + String.format(Locale.ROOT, "%04d", c.serial()));
        if (m == null) {
          continue;
        }
        LocalDate date = today.minusDays(c.daysAgo());
        if (date.getYear() != today.getYear()) {
          date = LocalDate.of(today.getYear(), 1, 1);
        }
        boolean submitted = !c.status().equals("DRAFT");
        boolean decided = !List.of("DRAFT", "PENDING", "WITHDRAWN").contains(c.status());
        Long id =
            jdbc.queryForObject(
                "insert into claim (member_no, member_name, firm_no, institute_code, type_code,"
                    + " title, title_key, work_date, year, description, identifier, identifier_key,"
                    + " units, authors, hours_claimed, hours_granted, status, reason, submitted_at,"
                    + " decided_at, decided_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?,"
                    + " ?, ?, ?, case when ? then now() - interval '3 days' end,"
                    + " case when ? then now() - interval '1 day' end, ?) returning id",
                Long.class,
                m.memberNo(),
                m.name(),
                m.firmNo(),
                m.instituteCode(),
                c.type(),
                c.title(),
                key(c.title(), false),
                date,
                date.getYear(),
                "演示数据：" + c.title(),
                c.identifier(),
                key(c.identifier(), true),
                c.units() == null ? null : new BigDecimal(c.units()),
                new BigDecimal(c.claimed()),
                c.granted() == null ? null : new BigDecimal(c.granted()),
                c.status(),
                c.reason(),
                submitted,
                decided,
                decided ? staff : null);
        jdbc.update(
            "insert into claim_evidence (claim_id, filename, content_type, size_bytes, content)"
                + " values (?, ?, 'image/png', ?, ?)",
            id,
            "证明材料.png",
            png.length,
            png);
        if (c.status().equals("PENDING") || c.status().equals("APPROVED")) {
          jdbc.update(
              "insert into claim_evidence (claim_id, filename, content_type, size_bytes, content)"
                  + " values (?, ?, 'application/pdf', ?, ?)",
              id,
              "目录页.pdf",
              pdf.length,
              pdf);
        }
        if (c.granted() != null) {
          BigDecimal hours = new BigDecimal(c.granted());
          String note = typeName(c.type()) + "：" + c.title();
          Long entry =
              jdbc.queryForObject(
                  "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours,"
                      + " category, source, source_id, note, created_by) values (?, ?, ?, ?, 0,"
                      + " 'OUTPUT', 'CLAIM', ?, ?, ?) returning id",
                  Long.class,
                  m.memberNo(),
                  date.getYear(),
                  date,
                  hours,
                  id,
                  note,
                  staff);
          jdbc.update("update claim set entry_id = ? where id = ?", entry, id);
          if (c.status().equals("REVERSED")) {
            jdbc.update(
                "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours,"
                    + " category, source, source_id, note, reverses, created_by) values (?, ?, ?,"
                    + " ?, 0, 'OUTPUT', 'CLAIM', ?, ?, ?, ?)",
                m.memberNo(),
                date.getYear(),
                date,
                hours.negate(),
                id,
                c.title() + "：" + c.reason(),
                entry,
                staff);
          }
        }
        written++;
      }
    }
    return written;
  }

  private static String typeName(String type) {
    return switch (type) {
      case "ARTICLE" -> "发表专业论文";
      case "BOOK" -> "出版专业著作";
      case "RESEARCH" -> "承担专业课题研究";
      case "TEACHING" -> "授课";
      case "INSPECTION" -> "参与执业质量检查";
      default -> "其他";
    };
  }

  /** The normalised key credits' duplicate detection compares (letters and digits only). */
  private static String key(String text, boolean upper) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    t = upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** A small generated PNG: a page-like sheet with a few grey lines. */
  static byte[] png() {
    BufferedImage image = new BufferedImage(160, 220, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 160, 220);
    g.setColor(new Color(0x17, 0x55, 0x9f));
    g.fillRect(12, 14, 136, 18);
    g.setColor(Color.LIGHT_GRAY);
    for (int y = 48; y < 200; y += 14) {
      g.fillRect(12, y, 136 - (y % 3) * 20, 6);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A small one-page PDF saying it is demo evidence. */
  static byte[] pdf() {
    String content = "BT /F1 14 Tf 40 760 Td (CMIS demo evidence) Tj ET";
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder b = new StringBuilder("%PDF-1.4\n");
    int[] offsets = new int[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = b.length();
      b.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = b.length();
    b.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int offset : offsets) {
      b.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    b.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
