package org.cmis.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedConstraintsTest {

  record Form(
      @ValidCreditCode @Nullable String creditCode,
      @ValidFirmNo @Nullable String firmNo,
      @ValidMemberNo @Nullable String memberNo,
      @ValidMobile @Nullable String mobile,
      @ValidEmail @Nullable String email) {}

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void setUp() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void tearDown() {
    factory.close();
  }

  @Test
  void nullValuesAreValid() {
    assertThat(validator.validate(new Form(null, null, null, null, null))).isEmpty();
  }

  @Test
  void emptyValuesAreValid() {
    assertThat(validator.validate(new Form("", "", "", "", ""))).isEmpty();
  }

  @Test
  void correctValuesAreValid() {
    Form form =
        new Form(
            "91350100M000100Y43", "11010001", "P12345678", "13800138000", "zhang.san@example.com");
    assertThat(validator.validate(form)).isEmpty();
  }

  @Test
  void incorrectValuesReportMessageKeys() {
    Form form =
        new Form("91350100M000100Y44", "1101000", "11000123045", "12800138000", "not-an-email");
    Set<ConstraintViolation<Form>> violations = validator.validate(form);
    assertThat(
            violations.stream()
                .collect(
                    Collectors.toMap(
                        v -> v.getPropertyPath().toString(),
                        ConstraintViolation::getMessageTemplate)))
        .containsOnly(
            entry("creditCode", "{validation.creditCode}"),
            entry("firmNo", "{validation.firmNo}"),
            entry("memberNo", "{validation.memberNo}"),
            entry("mobile", "{validation.mobile}"),
            entry("email", "{validation.email}"));
  }

  @Test
  void validatorsTreatNullAndEmptyAsValid() {
    assertThat(new ValidCreditCodeValidator().isValid(null, null)).isTrue();
    assertThat(new ValidFirmNoValidator().isValid("", null)).isTrue();
    assertThat(new ValidMemberNoValidator().isValid("HK123456789", null)).isTrue();
    assertThat(new ValidMobileValidator().isValid("1380013800", null)).isFalse();
    assertThat(new ValidEmailValidator().isValid("a@b", null)).isFalse();
  }
}
