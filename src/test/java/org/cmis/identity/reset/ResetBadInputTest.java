package org.cmis.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cmis.identity.reset.ResetFixtures.body;
import static org.cmis.identity.reset.ResetFixtures.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cmis.identity.account.Account;
import org.cmis.identity.account.AccountRepository;
import org.cmis.support.IntegrationTest;
import org.cmis.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bad input gets a clear Chinese message naming the field (page) or a 422 with its errors (API),
 * nothing half-saved; a disabled, an unknown and a normal account are answered alike; the throttles
 * hold per account and per client address.
 */
@IntegrationTest
class ResetBadInputTest {

  @Autowired MockMvcTester mvc;
  @Autowired AccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void everyMissingFieldIsNamed() {
    String address = TestAccounts.address();
    MvcTestResult result = ResetFixtures.submit(mvc, address, Map.of(), List.of());
    assertThat(result).hasStatus(422);
    assertThat(json(result, "$.code")).isEqualTo("VALIDATION_FAILED");
    List<String> fields = JsonPath.read(body(result), "$.errors[*].field");
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "applicant",
            "userType",
            "account",
            "mobile",
            "applicationDate",
            "reason",
            "signedForm",
            "certificate",
            "idCard");
    assertThat(body(result)).contains("请填写申请人", "请填写登录帐号（证书编号）", "请上传此文件");
    assertThat(fromAddress(address)).isZero();
  }

  @Test
  void wrongFormatsAndOverLongTextsAreRefused() {
    Account member = ResetFixtures.member(accounts, encoder, "SZ", true);
    String address = TestAccounts.address();
    Map<String, String> fields = ResetFixtures.fields(member.account(), clock);
    fields.put("account", "4403-0001");
    fields.put("mobile", "12345");
    fields.put("applicationDate", "2026-02-30");
    fields.put("reason", "因".repeat(501));
    fields.put("remark", "备".repeat(501));
    fields.put("applicant", "名".repeat(51));
    MvcTestResult result = ResetFixtures.submit(mvc, address, fields, ResetFixtures.files());
    assertThat(result).hasStatus(422);
    List<String> named = JsonPath.read(body(result), "$.errors[*].field");
    assertThat(named)
        .containsExactlyInAnyOrder(
            "account", "mobile", "applicationDate", "reason", "remark", "applicant");
    assertThat(body(result)).contains("注册会计师证书编号应为 12 位", "手机号码应为 11 位");

    Map<String, String> firm = ResetFixtures.fields("440300011", clock);
    firm.put("userType", "FIRM");
    firm.put("applicationDate", LocalDate.now(clock).plusDays(1).toString());
    MvcTestResult wrongFirm = ResetFixtures.submit(mvc, address, firm, ResetFixtures.files());
    assertThat(wrongFirm).hasStatus(422);
    assertThat(body(wrongFirm)).contains("事务所证书编号应为 8 位数字", "申请日期不能晚于今天");

    Map<String, String> admin = ResetFixtures.fields("sz-staff", clock);
    admin.put("userType", "STAFF");
    MvcTestResult staffType = ResetFixtures.submit(mvc, address, admin, ResetFixtures.files());
    assertThat(staffType).hasStatus(422);
    assertThat(json(staffType, "$.errors[0].field")).isEqualTo("userType");
    assertThat(fromAddress(address)).isZero();
  }

  @Test
  void thePageMarksTheWrongFieldsAndKeepsWhatWasTyped() {
    Map<String, String> fields = ResetFixtures.fields("12345", clock);
    var request = mvc.post().uri("/password/manual").multipart();
    for (MockMultipartFile f : ResetFixtures.files().subList(0, 1)) {
      request = request.file(f);
    }
    for (var e : fields.entrySet()) {
      request = request.param(e.getKey(), e.getValue());
    }
    MvcTestResult page = request.with(csrf()).exchange();
    assertThat(page).hasStatus(422).hasViewName("reset/apply");
    assertThat(page)
        .bodyText()
        .contains("data-test=\"error-summary\"", "请修正以下", "注册会计师证书编号应为 12 位", "请上传此文件", "张测试");
    assertThat(body(page)).contains("data-error=\"account\"", "data-error=\"idCard\"");
  }

  @Test
  void lockedDisabledUnknownAndNormalAccountsAreAnsweredAlike() {
    Account normal = ResetFixtures.member(accounts, encoder, "SZ", true);
    Account disabled = ResetFixtures.member(accounts, encoder, "SZ", false);
    Account locked = ResetFixtures.member(accounts, encoder, "SZ", true);
    lockOut(locked);
    String unknown = ResetFixtures.unknownNumber();
    String[] accountsTyped = {normal.account(), disabled.account(), unknown, locked.account()};
    String[] shapes = new String[accountsTyped.length];
    String[] statuses = new String[accountsTyped.length];
    for (int i = 0; i < accountsTyped.length; i++) {
      MvcTestResult r =
          ResetFixtures.submit(
              mvc,
              TestAccounts.address(),
              ResetFixtures.fields(accountsTyped[i], clock),
              ResetFixtures.files());
      assertThat(r).hasStatus(201);
      String number = json(r, "$.trackingNumber");
      shapes[i] = body(r).replace(number, "N");
      MvcTestResult status =
          mvc.get()
              .uri("/api/v1/password-reset-applications/{n}?account={a}", number, accountsTyped[i])
              .exchange();
      statuses[i] = body(status).replace(number, "N");
    }
    assertThat(shapes[1]).isEqualTo(shapes[0]);
    assertThat(shapes[2]).isEqualTo(shapes[0]);
    assertThat(statuses[1]).isEqualTo(statuses[0]);
    assertThat(statuses[2]).isEqualTo(statuses[0]);
    assertThat(shapes[3]).isEqualTo(shapes[0]);
    assertThat(statuses[3]).isEqualTo(statuses[0]);

    // The disabled account's application can only be returned.
    String number =
        jdbc.sql("select tracking_number from reset_application where account = :a")
            .param("a", disabled.account())
            .query(String.class)
            .single();
    String token = org.cmis.support.ApiTokens.demo(mvc, "STAFF", "sz-staff");
    MvcTestResult approve =
        mvc.post()
            .uri("/api/v1/password-reset-applications/" + number + "/approve")
            .header("Authorization", "Bearer " + token)
            .exchange();
    assertThat(approve).hasStatus(409);
    assertThat(json(approve, "$.code")).isEqualTo("INVALID_STATE");
    assertThat(accounts.findById(disabled.id()).orElseThrow().passwordHash())
        .isEqualTo(disabled.passwordHash());
  }

  @Test
  void threeOpenApplicationsPerAccountWhetherItExistsOrNot() {
    for (String account :
        List.of(
            ResetFixtures.member(accounts, encoder, "SZ", true).account(),
            ResetFixtures.unknownNumber())) {
      for (int i = 0; i < 3; i++) {
        assertThat(
                ResetFixtures.submit(
                    mvc,
                    TestAccounts.address(),
                    ResetFixtures.fields(account, clock),
                    ResetFixtures.files()))
            .hasStatus(201);
      }
      MvcTestResult fourth =
          ResetFixtures.submit(
              mvc,
              TestAccounts.address(),
              ResetFixtures.fields(account, clock),
              ResetFixtures.files());
      assertThat(fourth).hasStatus(429);
      assertThat(json(fourth, "$.code")).isEqualTo("TOO_MANY_ATTEMPTS");
      assertThat(fourth.getResponse().getHeader("Retry-After")).isNotNull();
      assertThat(body(fourth)).contains("3 份尚未处理完的申请");
    }
  }

  @Test
  void tenApplicationsPerClientAddressADay() {
    String address = TestAccounts.address();
    for (int i = 0; i < 10; i++) {
      assertThat(
              ResetFixtures.submit(
                  mvc,
                  address,
                  ResetFixtures.fields(ResetFixtures.unknownNumber(), clock),
                  ResetFixtures.files()))
          .hasStatus(201);
    }
    MvcTestResult eleventh =
        ResetFixtures.submit(
            mvc,
            address,
            ResetFixtures.fields(ResetFixtures.unknownNumber(), clock),
            ResetFixtures.files());
    assertThat(eleventh).hasStatus(429);
    assertThat(json(eleventh, "$.code")).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(fromAddress(address)).isEqualTo(10);
    // Another address is not held back.
    assertThat(
            ResetFixtures.submit(
                mvc,
                TestAccounts.address(),
                ResetFixtures.fields(ResetFixtures.unknownNumber(), clock),
                ResetFixtures.files()))
        .hasStatus(201);
  }

  @Test
  void approvingALockedOutAccountLiftsTheLockSoTheTemporaryPasswordWorks() {
    Account locked = ResetFixtures.member(accounts, encoder, "SZ", true);
    lockOut(locked);
    MvcTestResult submitted =
        ResetFixtures.submit(
            mvc,
            TestAccounts.address(),
            ResetFixtures.fields(locked.account(), clock),
            ResetFixtures.files());
    String number = json(submitted, "$.trackingNumber");
    String token = org.cmis.support.ApiTokens.demo(mvc, "STAFF", "sz-staff");
    assertThat(
            mvc.post()
                .uri("/api/v1/password-reset-applications/" + number + "/approve")
                .header("Authorization", "Bearer " + token)
                .exchange())
        .hasStatusOk();
    assertThat(
            jdbc.sql("select count(*) from login_failure where account = :a")
                .param("a", locked.account())
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Locks the account out of signing in, as five failures in a row do. */
  private void lockOut(Account account) {
    jdbc.sql(
            "insert into login_failure (login_type, account, failures, locked_until,"
                + " last_failure_at) values ('MEMBER', :a, 5, now() + interval '15 minutes', now())")
        .param("a", account.account())
        .update();
  }

  private long fromAddress(String address) {
    return jdbc.sql("select count(*) from reset_application where client_address = :a")
        .param("a", address)
        .query(Long.class)
        .single();
  }
}
