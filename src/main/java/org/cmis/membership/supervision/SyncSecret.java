package org.cmis.membership.supervision;

import java.util.Optional;
import org.cmis.settings.Settings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The sync's shared secret now: the one an administrator stored ({@code
 * integration.supervision.secret}), else the configured one; empty when neither is set (blank
 * counts as not set), and then every request is refused.
 */
@Component
@EnableConfigurationProperties(SupervisionProperties.class)
class SyncSecret {

  static final String SETTING = "integration.supervision.secret";

  private final Settings settings;
  private final SupervisionProperties properties;

  SyncSecret(Settings settings, SupervisionProperties properties) {
    this.settings = settings;
    this.properties = properties;
  }

  Optional<String> current() {
    Optional<String> stored = settings.stored(SETTING).filter(s -> !s.isBlank());
    if (stored.isPresent()) {
      return stored;
    }
    return Optional.ofNullable(properties.secret()).filter(s -> !s.isBlank());
  }
}
