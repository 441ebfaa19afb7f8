package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cmis.membership.LocalContact;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.junit.jupiter.api.Test;

/** The PATCH field rules: local fields change, platform-owned ones are refused by name. */
class LocalFieldsTest {

  private static final LocalContact CURRENT =
      new LocalContact("13800000000", "a@example.com", "深圳市福田区");

  @Test
  void everyPlatformOwnedFieldIsRefusedEachByName() {
    List<String> owned =
        List.of(
            "memberNo",
            "name",
            "gender",
            "birthDate",
            "idNumber",
            "category",
            "firmNo",
            "instituteCode",
            "position",
            "partner",
            "active");
    for (String field : owned) {
      assertThatThrownBy(() -> LocalFields.refusePlatformOwned(List.of(field)))
          .as(field)
          .isInstanceOfSatisfying(
              CmisException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                assertThat(e.errors())
                    .containsExactly(new FieldError(field, LocalFields.PLATFORM_OWNED_MESSAGE));
              });
    }
    assertThatThrownBy(() -> LocalFields.refusePlatformOwned(List.of("name", "nickname", "gender")))
        .isInstanceOfSatisfying(
            CmisException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("gender", "name"));
  }

  @Test
  void localAndUnknownNamesAreNotRefused() {
    assertThatNoException()
        .isThrownBy(() -> LocalFields.refusePlatformOwned(List.of("nickname", "Mobile", "")));
    assertThatNoException().isThrownBy(() -> LocalFields.refusePlatformOwned(List.of()));
    assertThat(LocalFields.LOCAL).containsExactly("mobile", "email", "address");
    assertThat(LocalFields.PLATFORM_OWNED).doesNotContainAnyElementsOf(LocalFields.LOCAL);
  }

  @Test
  void aFieldNotGivenKeepsItsValueAnEmptyOneClearsItBlanksAreRemoved() {
    assertThat(LocalFields.merge(CURRENT, null, null, null)).isEqualTo(CURRENT);
    assertThat(LocalFields.merge(CURRENT, " 13900000000 ", null, ""))
        .isEqualTo(new LocalContact("13900000000", "a@example.com", ""));
    assertThat(LocalFields.merge(CURRENT, null, "b@example.com", "  北京市  "))
        .isEqualTo(new LocalContact("13800000000", "b@example.com", "北京市"));
  }
}
