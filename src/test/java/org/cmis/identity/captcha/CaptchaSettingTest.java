package org.cmis.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cmis.identity.security.IdentityProperties;
import org.cmis.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The captcha follows the administrator's setting before the configuration, and a captcha that is
 * off outside the test profile is said (F6.3: never off in production without a warning).
 */
class CaptchaSettingTest {

  private static CaptchaService service(
      boolean configured, Optional<String> stored, String... profiles) {
    Settings settings = mock(Settings.class);
    when(settings.stored("security.captcha.enabled")).thenReturn(stored);
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles(profiles);
    IdentityProperties properties =
        new IdentityProperties(
            new IdentityProperties.Captcha(configured, Duration.ofMinutes(2)),
            new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
            new IdentityProperties.AddressThrottle(30, Duration.ofMinutes(1)),
            Duration.ofHours(8),
            Duration.ofMinutes(2),
            Duration.ofMinutes(30));
    return new CaptchaService(properties, Clock.systemUTC(), mock(JdbcClient.class), settings, env);
  }

  @Test
  void theStoredSettingComesBeforeTheConfiguration() {
    assertThat(service(true, Optional.empty()).enabled()).isTrue();
    assertThat(service(true, Optional.of("false")).enabled()).isFalse();
    assertThat(service(false, Optional.of("true")).enabled()).isTrue();
    assertThat(service(false, Optional.empty()).enabled()).isFalse();
  }

  @Test
  void offOutsideTheTestProfileIsWarned() {
    assertThat(service(true, Optional.of("false")).offOutsideTests()).isTrue();
    assertThat(service(false, Optional.empty(), "prod").offOutsideTests()).isTrue();
    assertThat(service(false, Optional.empty(), "test").offOutsideTests()).isFalse();
    assertThat(service(true, Optional.empty()).offOutsideTests()).isFalse();
  }
}
