package org.cmis.settings.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cmis.notification.MailCheck;
import org.cmis.settings.Settings;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.Email;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 系统设置 (F6.3) for the pages and the API: what each setting is now (a secret only as set or not),
 * its configured default, and changes checked all together before any is stored, each audited.
 */
@Service
public class SettingsAdmin {

  /** What a secret that is set is shown as. */
  public static final String MASK = "******";

  /** A setting as the page and the API show it. */
  public record SettingView(
      String field,
      String key,
      String value,
      boolean stored,
      @Nullable String defaultValue,
      boolean secret) {}

  /** The settings page's or the API's picture of every setting. */
  public record SettingsView(
      List<SettingView> items, boolean captchaWarning, boolean mailConfigured) {}

  private final Settings settings;
  private final Environment environment;
  private final MailCheck mail;
  private final MessageSource texts;
  private final ApplicationEventPublisher events;

  SettingsAdmin(
      Settings settings,
      Environment environment,
      MailCheck mail,
      MessageSource texts,
      ApplicationEventPublisher events) {
    this.settings = settings;
    this.environment = environment;
    this.mail = mail;
    this.texts = texts;
    this.events = events;
  }

  public SettingsView view() {
    Map<String, String> stored = settings.storedAll();
    List<SettingView> items = new ArrayList<>();
    for (SettingKey k : SettingKey.values()) {
      String configured = k.configured(environment);
      String value = stored.getOrDefault(k.key(), configured);
      if (k.secret()) {
        items.add(
            new SettingView(
                k.field(),
                k.key(),
                value.isEmpty() ? "" : MASK,
                stored.containsKey(k.key()),
                configured.isEmpty() ? "" : MASK,
                true));
      } else {
        items.add(
            new SettingView(
                k.field(), k.key(), value, stored.containsKey(k.key()), configured, false));
      }
    }
    boolean captchaOn =
        Boolean.parseBoolean(
            stored.getOrDefault(
                SettingKey.CAPTCHA_ENABLED.key(),
                SettingKey.CAPTCHA_ENABLED.configured(environment)));
    return new SettingsView(items, !captchaOn && !testEnvironment(), mail.configured());
  }

  /** Whether this run is an automated test environment (the only place the captcha may be off). */
  boolean testEnvironment() {
    return environment.acceptsProfiles(Profiles.of("test"));
  }

  /**
   * Applies changes by field name: a text stores it, an empty text (or null) restores the
   * configured default. Every value is checked first; one invalid value stores nothing (422 naming
   * each invalid field).
   */
  @Transactional
  public SettingsView change(
      Map<String, @Nullable Object> changes, CurrentUser admin, String address) {
    List<FieldError> errors = new ArrayList<>();
    Map<SettingKey, @Nullable String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : changes.entrySet()) {
      SettingKey k = SettingKey.byField(e.getKey());
      if (k == null) {
        errors.add(new FieldError(e.getKey(), "admin.settings.error.unknown"));
        continue;
      }
      Object raw = e.getValue();
      String value;
      if (raw == null) {
        value = null;
      } else if (raw instanceof String s) {
        value = s.trim();
      } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Boolean) {
        value = raw.toString();
      } else {
        errors.add(new FieldError(k.field(), "admin.settings.error.type"));
        continue;
      }
      if (value != null && value.isEmpty()) {
        value = null;
      }
      if (value != null) {
        if (k == SettingKey.CAPTCHA_ENABLED) {
          value = value.toLowerCase(Locale.ROOT);
        }
        String problem = k.check(value).orElse(null);
        if (problem != null) {
          errors.add(new FieldError(k.field(), problem));
          continue;
        }
      }
      checked.put(k, value);
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    for (Map.Entry<SettingKey, @Nullable String> e : checked.entrySet()) {
      SettingKey k = e.getKey();
      if (e.getValue() == null) {
        settings.remove(k.key(), k.secret(), admin.account(), address);
      } else {
        settings.store(k.key(), e.getValue(), k.secret(), admin.account(), address);
      }
    }
    return view();
  }

  /** Sends a test mail to the address (checked first); the outcome for the administrator. */
  public MailCheck.Result testMail(String to, CurrentUser admin, String address) {
    String trimmed = to.trim();
    if (!Email.isValid(trimmed)) {
      throw CmisException.validation(List.of(new FieldError("to", "admin.settings.error.email")));
    }
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    MailCheck.Result result =
        mail.send(
            trimmed,
            texts.getMessage("admin.settings.mail.subject", null, zh),
            texts.getMessage("admin.settings.mail.body", new Object[] {admin.displayName()}, zh));
    events.publishEvent(
        new AuditEvent(
            admin.account(),
            "MAIL_TEST",
            "Setting",
            "mail",
            address,
            null,
            java.util.Map.of("outcome", result.outcome().name(), "to", trimmed)));
    return result;
  }
}
