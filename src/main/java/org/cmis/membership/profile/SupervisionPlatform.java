package org.cmis.membership.profile;

import org.cmis.settings.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a member changes its platform-owned fields (seed section 三): the 注册会计师行业统一监管平台. An
 * administrator may store another address under the setting {@value #SETTING}; otherwise {@code
 * cmis.integration.supervision.url} holds. Only an http or https address is used as a link.
 */
@Component
class SupervisionPlatform {

  static final String SETTING = "integration.supervision.url";
  static final String DEFAULT_URL = "http://acc.mof.gov.cn/login_achieve/login?v=7.2";

  private final Settings settings;
  private final String configured;

  SupervisionPlatform(
      Settings settings,
      @Value("${cmis.integration.supervision.url:" + DEFAULT_URL + "}") String configured) {
    this.settings = settings;
    this.configured = configured;
  }

  /** The platform's sign-in address, read at each call (a stored change shows at once). */
  String url() {
    return settings
        .stored(SETTING)
        .map(String::strip)
        .filter(SupervisionPlatform::isWebAddress)
        .orElse(isWebAddress(configured) ? configured : DEFAULT_URL);
  }

  static boolean isWebAddress(String value) {
    return value.length() <= 500
        && value.matches("(?i)https?://[^\\s\"'<>]+")
        && value.chars().noneMatch(Character::isISOControl);
  }
}
