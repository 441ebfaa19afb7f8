package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.identity.reset.ResetFixtures.body;
import static org.cmis.identity.reset.ResetFixtures.json;
import static org.cmis.identity.reset.ResetFixtures.raw;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.upload.FileTypeTest;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The three scans are taken by their content, never their name: a lying extension, a polyglot, a
 * file over 5 MB, an empty or missing one are refused with the field named and nothing stored; path
 * names are cut to their last segment; what is stored is served as its checked type only.
 */
@IntegrationTest
class ResetUploadTest {

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void aLyingExtensionIsRefused() {
    assertRefused(
        new MockMultipartFile("certificate", "证书.pdf", "application/pdf", FileTypeTest.PNG),
        "certificate",
        "只接受 PDF、JPG 或 PNG");
    assertRefused(
        new MockMultipartFile(
            "idCard", "身份证.png", "image/png", "<html><script>alert(1)</script>".getBytes()),
        "idCard",
        "只接受");
    assertRefused(
        new MockMultipartFile("signedForm", "申请表.exe", "application/pdf", FileTypeTest.PDF),
        "signedForm",
        "只接受");
  }

  @Test
  void aPolyglotIsTakenOnlyAsTheTypeItsBytesStartAsAndServedAsThat() throws Exception {
    // A PDF that claims to be a PNG: refused.
    assertRefused(
        new MockMultipartFile("idCard", "身份证.png", "image/png", FileTypeTest.PDF), "idCard", "只接受");
    // A Word document (a ZIP) renamed: refused, whatever its name.
    assertRefused(
        new MockMultipartFile(
            "signedForm", "申请表.pdf", "application/pdf", FileTypeTest.zip("word/document.xml")),
        "signedForm",
        "只接受");
    // A PNG with a script and a PDF after its header: a PNG, and served only as image/png,
    // inline, nosniff, under a policy that runs nothing.
    byte[] polyglot =
        concat(
            FileTypeTest.PNG,
            "<html><script>alert(document.cookie)</script></html>\n"
                .getBytes(StandardCharsets.UTF_8),
            FileTypeTest.PDF);
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    List<MockMultipartFile> files = new ArrayList<>(ResetFixtures.files());
    files.set(2, new MockMultipartFile("idCard", "身份证.png", "text/html", polyglot));
    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc, TestAccounts.address(), ResetFixtures.fields(member.account(), clock), files);
    assertThat(submitted).hasStatus(201);
    String number = raw(json(submitted, "$.trackingNumber"));
    WebSession staff = staff();
    MvcTestResult served = staff.get("/manage/password-resets/" + number + "/files/ID_CARD");
    assertThat(served).hasStatusOk().hasContentType("image/png");
    assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(served.getResponse().getHeader("Content-Security-Policy"))
        .isEqualTo(ResetReviewController.FILE_POLICY)
        .doesNotContain("script-src");
    assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(polyglot);
  }

  @Test
  void aFileOverFiveMegabytesIsRefused() {
    byte[] big = Arrays.copyOf(FileTypeTest.PDF, 6 * 1024 * 1024);
    assertRefused(
        new MockMultipartFile("signedForm", "申请表.pdf", "application/pdf", big),
        "signedForm",
        "超过 5 MB");
  }

  @Test
  void anEmptyOrMissingFileIsRefused() {
    assertRefused(
        new MockMultipartFile("certificate", "证书.jpg", "image/jpeg", new byte[0]),
        "certificate",
        "文件是空的");
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    MvcTestResult missing =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(member.account(), clock),
            ResetFixtures.files().subList(0, 2));
    assertThat(missing).hasStatus(422);
    assertThat(json(missing, "$.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(json(missing, "$.errors[0].field")).isEqualTo("idCard");
    assertThat(json(missing, "$.errors[0].message")).isEqualTo("请上传此文件");
    assertThat(stored(member.account())).isZero();
  }

  @Test
  void pathNamesKeepOnlyTheirLastSegment() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    List<MockMultipartFile> files =
        List.of(
            new MockMultipartFile(
                "signedForm", "../../../etc/passwd.pdf", "application/pdf", FileTypeTest.PDF),
            new MockMultipartFile(
                "certificate", "..\\..\\Windows\\证书.jpg", "image/jpeg", FileTypeTest.JPG),
            new MockMultipartFile(
                "idCard", "/tmp/\"evil\"\r\nX-Injected: 1.png", "image/png", FileTypeTest.PNG));
    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc, TestAccounts.address(), ResetFixtures.fields(member.account(), clock), files);
    assertThat(submitted).hasStatus(201);
    String number = raw(json(submitted, "$.trackingNumber"));
    assertThat(
            jdbc.sql(
                    "select filename from reset_application_file f join reset_application a"
                        + " on a.id = f.application_id where a.tracking_number = :n order by kind")
                .param("n", number)
                .query(String.class)
                .list())
        .containsExactly("证书.jpg", "evilX-Injected: 1.png", "passwd.pdf");
    MvcTestResult served = staff().get("/manage/password-resets/" + number + "/files/ID_CARD");
    assertThat(served.getResponse().getHeader("Content-Disposition"))
        .startsWith("inline")
        .doesNotContain("\r", "\n", "/tmp");
  }

  private void assertRefused(MockMultipartFile wrong, String field, String message) {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    List<MockMultipartFile> files = new ArrayList<>();
    for (MockMultipartFile f : ResetFixtures.files()) {
      files.add(f.getName().equals(wrong.getName()) ? wrong : f);
    }
    MvcTestResult result =
        ResetFixtures.submit(
            mvc, TestAccounts.address(), ResetFixtures.fields(member.account(), clock), files);
    assertThat(result).hasStatus(422);
    assertThat(json(result, "$.code")).isEqualTo("VALIDATION_FAILED");
    assertThat(json(result, "$.errors[0].field")).isEqualTo(field);
    assertThat(body(result)).contains(message);
    assertThat(stored(member.account())).isZero();
  }

  private long stored(String account) {
    return jdbc.sql("select count(*) from reset_application where account = :a")
        .param("a", account)
        .query(Long.class)
        .single();
  }

  private WebSession staff() {
    WebSession staff = new WebSession(mvc);
    staff.signIn("STAFF", "sz-staff", "Demo@2026");
    return staff;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
