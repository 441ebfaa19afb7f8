package org.cmis.identity.reset;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cmis.identity.LoginType;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.shared.Role;
import org.cmis.shared.upload.FileTypeTest;
import org.cmis.support.TestAccounts;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Accounts, fields and files of the reset-application tests, each test's own. */
final class ResetFixtures {

  private static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

  static final String RECORD_MOBILE = "13912340000";
  static final String TYPED_MOBILE = "13700001111";

  private ResetFixtures() {}

  /** A new member account of the institute, with an email and a mobile on record. */
  static Account member(
      AccountRepository accounts, PasswordEncoder encoder, String institute, boolean enabled) {
    String number = "97" + String.format("%010d", sequence.incrementAndGet());
    long id =
        accounts.insert(
            new Account(
                0,
                LoginType.MEMBER,
                Role.MEMBER,
                number,
                encoder.encode(TestAccounts.PASSWORD),
                "申请测试" + number.substring(8),
                institute,
                null,
                number,
                number + "@record.example.cn",
                RECORD_MOBILE,
                false,
                enabled));
    return accounts.findById(id).orElseThrow();
  }

  /** A CPA number no account has. */
  static String unknownNumber() {
    return "96" + String.format("%010d", sequence.incrementAndGet());
  }

  /** Every field of the form, filled in as an applicant would. */
  static Map<String, String> fields(String account, Clock clock) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("applicant", "张测试");
    fields.put("account", account);
    fields.put("userType", "MEMBER");
    fields.put("mobile", TYPED_MOBILE);
    fields.put("applicationDate", LocalDate.now(clock).toString());
    fields.put("reason", "更换手机后无法收到验证信息，邮箱已停用");
    fields.put("remark", "请发送到新的邮箱 typed@applicant.example.cn");
    return fields;
  }

  static List<MockMultipartFile> files() {
    return List.of(
        new MockMultipartFile("signedForm", "申请表.pdf", "application/pdf", FileTypeTest.PDF),
        new MockMultipartFile("certificate", "证书.jpg", "image/jpeg", FileTypeTest.JPG),
        new MockMultipartFile("idCard", "身份证.png", "image/png", FileTypeTest.PNG));
  }

  /** The public API submission from a client address. */
  static MvcTestResult submit(
      MockMvcTester mvc,
      String address,
      Map<String, String> fields,
      List<MockMultipartFile> files) {
    var request = mvc.post().uri("/api/v1/password-reset-applications").multipart();
    for (MockMultipartFile f : files) {
      request = request.file(f);
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      request = request.param(e.getKey(), e.getValue());
    }
    return request
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            })
        .exchange();
  }

  static String body(MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(MvcTestResult result, String path) {
    return JsonPath.read(body(result), path).toString();
  }

  /** The tracking number without its dashes, as paths carry it. */
  static String raw(String grouped) {
    return grouped.replace("-", "");
  }
}
