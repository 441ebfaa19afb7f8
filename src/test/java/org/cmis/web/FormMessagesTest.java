package org.cmis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cmis.support.IntegrationTest;
import org.cmis.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A form's validation messages are ours and name the field; no default text reaches a page. */
@IntegrationTest
class FormMessagesTest {

  private static final Locale[] LOCALES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

  @Autowired MockMvcTester mvc;
  @Autowired MessageSource messages;

  @Test
  void anEmptySignInNamesEachMissingField() {
    MvcTestResult page =
        new WebSession(mvc).post("/login", "userType", "FIRM", "account", "", "password", "");
    assertThat(page).hasStatusOk().hasViewName("identity/login");
    assertThat(page)
        .model()
        .extractingBindingResult("loginForm")
        .hasFieldErrors("account", "password");
    assertThat(page).bodyText().contains("请输入账号", "请输入密码");
    assertNoDefaultText(page);
  }

  @Test
  void aTooLongAccountSaysItsLimit() {
    MvcTestResult page =
        new WebSession(mvc)
            .post("/login", "userType", "FIRM", "account", "1".repeat(51), "password", "x");
    assertThat(page).model().extractingBindingResult("loginForm").hasFieldErrors("account");
    assertThat(page).bodyText().contains("账号不能超过 50 个字符");
    assertNoDefaultText(page);
  }

  @Test
  void inEnglishTheMessagesAreEnglish() {
    MvcTestResult page =
        new WebSession(mvc)
            .post("/login?lang=en", "userType", "FIRM", "account", "", "password", "");
    assertThat(page).bodyText().contains("Enter the account", "Enter the password");
    assertNoDefaultText(page);
  }

  /**
   * Every constraint on a form's field has our message for its kind and a label for its field, in
   * both languages, so Spring resolves our text before the validator's default.
   */
  @Test
  void everyConstrainedFieldHasOurMessageAndALabel() throws Exception {
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter((reader, factory) -> true);
    List<String> missing = new ArrayList<>();
    int constraints = 0;
    for (var candidate : scan.findCandidateComponents("org.cmis")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Field field : type.getDeclaredFields()) {
        for (Annotation a : field.getAnnotations()) {
          String kind = a.annotationType().getSimpleName();
          if (!a.annotationType().getPackageName().equals("jakarta.validation.constraints")) {
            continue;
          }
          constraints++;
          for (Locale locale : LOCALES) {
            if (messages.getMessage(kind, null, null, locale) == null) {
              missing.add(kind + " (" + locale + ")");
            }
            String label = "field." + field.getName();
            if (messages.getMessage(label, null, null, locale) == null) {
              missing.add(label + " of " + type.getName() + " (" + locale + ")");
            }
          }
        }
      }
    }
    assertThat(constraints).isPositive();
    assertThat(missing).isEmpty();
  }

  /** The beginnings of Hibernate Validator's texts and of the bundle's old defaults. */
  private static void assertNoDefaultText(MvcTestResult page) {
    List<String> defaults = new ArrayList<>(List.of("长度须在", "不能为空", "must not be blank"));
    for (Locale locale : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
      ResourceBundle hv =
          ResourceBundle.getBundle("org.hibernate.validator.ValidationMessages", locale);
      for (String key : hv.keySet()) {
        String text = hv.getString(key);
        int brace = text.indexOf('{');
        String start = (brace < 0 ? text : text.substring(0, brace)).trim();
        if (start.length() >= 3) {
          defaults.add(start);
        }
      }
    }
    assertThat(page).bodyText().doesNotContain(defaults.toArray(String[]::new));
  }
}
