package org.cmis.identity.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cmis.identity.LoginType;
import org.jspecify.annotations.Nullable;

/** What the sign-in page sends. */
public class LoginForm {

  @NotNull private @Nullable LoginType userType = LoginType.FIRM;

  @NotBlank
  @Size(max = 50)
  private String account = "";

  @NotBlank
  @Size(max = 128)
  private String password = "";

  @Size(max = 6)
  private String captcha = "";

  public @Nullable LoginType getUserType() {
    return userType;
  }

  public void setUserType(@Nullable LoginType userType) {
    this.userType = userType;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(@Nullable String account) {
    this.account = account == null ? "" : account.trim();
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password == null ? "" : password;
  }

  public String getCaptcha() {
    return captcha;
  }

  public void setCaptcha(@Nullable String captcha) {
    this.captcha = captcha == null ? "" : captcha.trim();
  }
}
