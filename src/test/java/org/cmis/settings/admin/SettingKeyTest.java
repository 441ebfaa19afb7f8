package org.cmis.settings.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Each setting's check, and its default taken from the configuration. */
class SettingKeyTest {

  @Test
  void checks() {
    assertThat(SettingKey.LOCKOUT_MAX_FAILURES.check("1")).isEmpty();
    assertThat(SettingKey.LOCKOUT_MAX_FAILURES.check("101")).isPresent();
    assertThat(SettingKey.LOCKOUT_MAX_FAILURES.check("-1")).isPresent();
    assertThat(SettingKey.LOCKOUT_DURATION_MINUTES.check("1440")).isEmpty();
    assertThat(SettingKey.LOCKOUT_DURATION_MINUTES.check("1441")).isPresent();
    assertThat(SettingKey.CAPTCHA_ENABLED.check("true")).isEmpty();
    assertThat(SettingKey.CAPTCHA_ENABLED.check("yes")).isPresent();
    assertThat(SettingKey.SUPERVISION_URL.check(SettingKey.DEFAULT_SUPERVISION_URL)).isEmpty();
    assertThat(SettingKey.SUPERVISION_URL.check("javascript:alert(1)")).isPresent();
    assertThat(SettingKey.SUPERVISION_URL.check("https://")).isPresent();
    assertThat(SettingKey.SUPERVISION_URL.check("https://a.cn/" + "x".repeat(500))).isPresent();
    assertThat(SettingKey.SUPERVISION_SECRET.check("0123456789abcdef")).isEmpty();
    assertThat(SettingKey.SUPERVISION_SECRET.check("short")).isPresent();
    assertThat(SettingKey.SUPERVISION_SECRET.check("0123456789 abcdef")).isPresent();
    assertThat(SettingKey.SUPERVISION_SECRET.check("密钥密钥密钥密钥密钥密钥密钥密钥")).isPresent();
  }

  @Test
  void defaultsComeFromTheConfiguration() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("cmis.security.lockout.max-failures", "7")
            .withProperty("cmis.security.lockout.duration", "2h")
            .withProperty("cmis.integration.supervision.secret", "from-config-0123456789");
    assertThat(SettingKey.LOCKOUT_MAX_FAILURES.configured(env)).isEqualTo("7");
    assertThat(SettingKey.LOCKOUT_DURATION_MINUTES.configured(env)).isEqualTo("120");
    assertThat(SettingKey.CAPTCHA_ENABLED.configured(env)).isEqualTo("true");
    assertThat(SettingKey.SUPERVISION_URL.configured(env))
        .isEqualTo("http://acc.mof.gov.cn/login_achieve/login?v=7.2");
    assertThat(SettingKey.SUPERVISION_SECRET.configured(env)).isEqualTo("from-config-0123456789");
  }
}
