package org.cmis.settings.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.cmis.notification.MailCheck;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The settings through the API (F6.3), admin only (STAFF, FIRM and MEMBER: 403 FORBIDDEN). The
 * supervision secret is write-only: answered as {@value SettingsAdmin#MASK} when set.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: settings", description = "Run-time settings of F6.3, each change audited")
class SettingsRestController {

  private final SettingsAdmin admin;

  SettingsRestController(SettingsAdmin admin) {
    this.admin = admin;
  }

  @GetMapping("/api/v1/admin/settings")
  @Operation(
      summary =
          "Every setting: its value in force, whether an administrator stored it, the configured"
              + " default; secrets masked; captchaWarning when the captcha is off outside tests")
  SettingsAdmin.SettingsView settings() {
    return admin.view();
  }

  @PutMapping("/api/v1/admin/settings")
  @Operation(
      summary =
          "Change settings by field name (lockoutMaxFailures 1-100, lockoutDurationMinutes"
              + " 1-1440, captchaEnabled true|false, nationalSupportPhones, supervisionUrl"
              + " http(s), supervisionSecret 16-200 printable characters); an empty text restores"
              + " the default; fields left out stay. One invalid value: 422 VALIDATION_FAILED, nothing"
              + " stored")
  SettingsAdmin.SettingsView change(
      @AuthenticationPrincipal CurrentUser user,
      @RequestBody Map<String, @Nullable Object> changes,
      HttpServletRequest request) {
    return admin.change(changes, user, ClientAddress.of(request));
  }

  /** The body of a test mail request. */
  record MailTestRequest(@Nullable String to) {}

  @PostMapping("/api/v1/admin/settings/mail-test")
  @Operation(
      summary =
          "Send a test mail through the configured mail server: SENT, NOT_CONFIGURED (no"
              + " spring.mail.host) or FAILED with the server's words")
  MailCheck.Result mailTest(
      @AuthenticationPrincipal CurrentUser user,
      @RequestBody MailTestRequest body,
      HttpServletRequest request) {
    return admin.testMail(body.to() == null ? "" : body.to(), user, ClientAddress.of(request));
  }
}
