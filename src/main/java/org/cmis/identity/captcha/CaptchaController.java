package org.cmis.identity.captcha;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the captcha image of the sign-in and forgot-password pages; stores nothing. */
@Controller
class CaptchaController {

  private final CaptchaService captcha;

  CaptchaController(CaptchaService captcha) {
    this.captcha = captcha;
  }

  @GetMapping("/captcha.png")
  ResponseEntity<byte[]> image(HttpServletRequest request, HttpServletResponse response) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.IMAGE_PNG)
        .body(captcha.issue(request, response));
  }
}
