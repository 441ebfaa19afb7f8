package org.cmis.membership.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.cmis.settings.Settings;
import org.junit.jupiter.api.Test;

/** The platform's address: the administrator's stored one, else the configured one, if a URL. */
class SupervisionPlatformTest {

  private final Settings settings = mock(Settings.class);

  @Test
  void theStoredAddressWinsOverTheConfiguredOne() {
    when(settings.stored(SupervisionPlatform.SETTING))
        .thenReturn(Optional.of(" https://acc.example.gov.cn/login "));
    assertThat(new SupervisionPlatform(settings, SupervisionPlatform.DEFAULT_URL).url())
        .isEqualTo("https://acc.example.gov.cn/login");
  }

  @Test
  void withoutAStoredAddressTheConfiguredOneHolds() {
    when(settings.stored(SupervisionPlatform.SETTING)).thenReturn(Optional.empty());
    assertThat(new SupervisionPlatform(settings, "http://platform.example/login").url())
        .isEqualTo("http://platform.example/login");
    assertThat(new SupervisionPlatform(settings, SupervisionPlatform.DEFAULT_URL).url())
        .isEqualTo("http://acc.mof.gov.cn/login_achieve/login?v=7.2");
  }

  @Test
  void onlyWebAddressesBecomeTheLink() {
    for (String bad :
        new String[] {
          "javascript:alert(1)", "ftp://x", "http://a b", "http://x\"onclick=", "", "data:text/html"
        }) {
      when(settings.stored(SupervisionPlatform.SETTING)).thenReturn(Optional.of(bad));
      assertThat(new SupervisionPlatform(settings, bad).url())
          .as(bad)
          .isEqualTo(SupervisionPlatform.DEFAULT_URL);
    }
  }
}
