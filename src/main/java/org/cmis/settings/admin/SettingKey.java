package org.cmis.settings.admin;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.cmis.shared.PhoneList;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings an administrator may change on 系统设置 (F6.3): each key of table {@code setting}, the
 * configuration property that stays its default, how a value is checked and whether it is a secret
 * (write-only: never shown, never in the audit log). The modules that use them read {@code
 * Settings.stored(key)} and fall back to the same property.
 */
public enum SettingKey {
  LOCKOUT_MAX_FAILURES("security.lockout.max-failures", "lockoutMaxFailures", false) {
    @Override
    String configured(Environment env) {
      return ""
          + Binder.get(env).bind("cmis.security.lockout.max-failures", Integer.class).orElse(5);
    }

    @Override
    Optional<String> check(String value) {
      return integer(value, 1, 100)
          ? Optional.empty()
          : Optional.of("admin.settings.error.maxFailures");
    }
  },
  LOCKOUT_DURATION_MINUTES("security.lockout.duration-minutes", "lockoutDurationMinutes", false) {
    @Override
    String configured(Environment env) {
      Duration d =
          Binder.get(env)
              .bind("cmis.security.lockout.duration", Duration.class)
              .orElse(Duration.ofMinutes(15));
      return "" + Math.max(1, d.toMinutes());
    }

    @Override
    Optional<String> check(String value) {
      return integer(value, 1, 1440)
          ? Optional.empty()
          : Optional.of("admin.settings.error.duration");
    }
  },
  CAPTCHA_ENABLED("security.captcha.enabled", "captchaEnabled", false) {
    @Override
    String configured(Environment env) {
      return "" + Binder.get(env).bind("cmis.security.captcha.enabled", Boolean.class).orElse(true);
    }

    @Override
    Optional<String> check(String value) {
      return value.equals("true") || value.equals("false")
          ? Optional.empty()
          : Optional.of("admin.settings.error.boolean");
    }
  },
  NATIONAL_PHONES("support.national-phones", "nationalSupportPhones", false) {
    @Override
    String configured(Environment env) {
      return env.getProperty("cmis.support.national-phones", "010-88250337, 010-88250338");
    }

    @Override
    Optional<String> check(String value) {
      return PhoneList.isValid(value, 100)
          ? Optional.empty()
          : Optional.of("admin.settings.error.phones");
    }
  },
  SUPERVISION_URL("integration.supervision.url", "supervisionUrl", false) {
    @Override
    String configured(Environment env) {
      return env.getProperty("cmis.integration.supervision.url", DEFAULT_SUPERVISION_URL);
    }

    @Override
    Optional<String> check(String value) {
      return httpUrl(value) ? Optional.empty() : Optional.of("admin.settings.error.url");
    }
  },
  SUPERVISION_SECRET("integration.supervision.secret", "supervisionSecret", true) {
    @Override
    String configured(Environment env) {
      return env.getProperty("cmis.integration.supervision.secret", "");
    }

    @Override
    Optional<String> check(String value) {
      return value.length() >= 16 && value.length() <= 200 && value.matches("[\\x21-\\x7e]+")
          ? Optional.empty()
          : Optional.of("admin.settings.error.secret");
    }
  };

  /** The supervision platform's sign-in page (seed section 三), the link's default. */
  public static final String DEFAULT_SUPERVISION_URL =
      "http://acc.mof.gov.cn/login_achieve/login?v=7.2";

  private final String key;
  private final String field;
  private final boolean secret;

  SettingKey(String key, String field, boolean secret) {
    this.key = key;
    this.field = field;
    this.secret = secret;
  }

  /** The key in table {@code setting}. */
  public String key() {
    return key;
  }

  /** The name of the field on the page and in the API's body. */
  public String field() {
    return field;
  }

  public boolean secret() {
    return secret;
  }

  /** The configured value, which holds while nothing is stored. */
  abstract String configured(Environment env);

  /** The message key of what is wrong with a value, or empty when it may be stored. */
  abstract Optional<String> check(String value);

  static @Nullable SettingKey byField(String field) {
    for (SettingKey k : values()) {
      if (k.field.equals(field)) {
        return k;
      }
    }
    return null;
  }

  private static boolean integer(String value, int min, int max) {
    if (!value.matches("[0-9]{1,5}")) {
      return false;
    }
    int n = Integer.parseInt(value);
    return n >= min && n <= max;
  }

  private static boolean httpUrl(String value) {
    if (value.length() > 500 || value.isBlank() || value.chars().anyMatch(c -> c <= ' ')) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http")
              || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
