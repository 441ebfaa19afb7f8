package org.cmis.identity.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cmis.identity.LoginType;
import org.jspecify.annotations.Nullable;

/** The forms of the password pages. */
final class PasswordForms {

  private PasswordForms() {}

  /** Change password: the current one and the new one twice. */
  static class Change {
    @NotBlank
    @Size(max = 128)
    private String currentPassword = "";

    @NotBlank
    @Size(max = 128)
    private String newPassword = "";

    @NotBlank
    @Size(max = 128)
    private String confirmPassword = "";

    public String getCurrentPassword() {
      return currentPassword;
    }

    public void setCurrentPassword(@Nullable String v) {
      currentPassword = v == null ? "" : v;
    }

    public String getNewPassword() {
      return newPassword;
    }

    public void setNewPassword(@Nullable String v) {
      newPassword = v == null ? "" : v;
    }

    public String getConfirmPassword() {
      return confirmPassword;
    }

    public void setConfirmPassword(@Nullable String v) {
      confirmPassword = v == null ? "" : v;
    }
  }

  /** Forgot password: who, and the email or mobile on record. */
  static class Forgot {
    @NotNull private @Nullable LoginType userType = LoginType.MEMBER;

    @NotBlank
    @Size(max = 50)
    private String account = "";

    @NotBlank
    @Size(max = 100)
    private String contact = "";

    @Size(max = 6)
    private String captcha = "";

    public @Nullable LoginType getUserType() {
      return userType;
    }

    public void setUserType(@Nullable LoginType v) {
      userType = v;
    }

    public String getAccount() {
      return account;
    }

    public void setAccount(@Nullable String v) {
      account = v == null ? "" : v.trim();
    }

    public String getContact() {
      return contact;
    }

    public void setContact(@Nullable String v) {
      contact = v == null ? "" : v.trim();
    }

    public String getCaptcha() {
      return captcha;
    }

    public void setCaptcha(@Nullable String v) {
      captcha = v == null ? "" : v.trim();
    }
  }

  /** Reset with a link: the new password twice. */
  static class Reset {
    @NotBlank
    @Size(max = 100)
    private String token = "";

    @NotBlank
    @Size(max = 128)
    private String newPassword = "";

    @NotBlank
    @Size(max = 128)
    private String confirmPassword = "";

    public String getToken() {
      return token;
    }

    public void setToken(@Nullable String v) {
      token = v == null ? "" : v;
    }

    public String getNewPassword() {
      return newPassword;
    }

    public void setNewPassword(@Nullable String v) {
      newPassword = v == null ? "" : v;
    }

    public String getConfirmPassword() {
      return confirmPassword;
    }

    public void setConfirmPassword(@Nullable String v) {
      confirmPassword = v == null ? "" : v;
    }
  }
}
