package org.cmis.credits.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public verification pages (API.md, Hours certificate), open without signing in: {@code
 * /verify} with a form to type a code, {@code /verify/{code}} with the certificate's facts (the
 * name partly masked) and whether it has been superseded, or 无此证明 with HTTP 404 for anything that
 * names no certificate. Every look-up counts against the client address's throttle ({@link
 * VerifyThrottle}): over it, a 429 page saying when to try again.
 */
@Controller
class VerifyController {

  private final CertificateService certificates;
  private final VerifyThrottle throttle;
  private final MessageSource texts;

  VerifyController(CertificateService certificates, VerifyThrottle throttle, MessageSource texts) {
    this.certificates = certificates;
    this.throttle = throttle;
    this.texts = texts;
  }

  /** The form; with {@code ?code=} the look-up itself (a well-formed code moves to its page). */
  @GetMapping("/verify")
  ModelAndView form(
      @RequestParam(required = false) @Nullable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale) {
    if (code == null || code.isBlank()) {
      return new ModelAndView("credits/certificate/verify-form");
    }
    Optional<String> canonical = CertificateCodes.read(code.strip());
    if (canonical.isPresent()) {
      return new ModelAndView("redirect:/verify/" + canonical.get());
    }
    return verify(code, request, response, locale);
  }

  @GetMapping("/verify/{code}")
  ModelAndView verify(
      @PathVariable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale) {
    if (!throttle.allow(ClientAddress.of(request))) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttle.retryAfter().toSeconds()));
      ModelAndView busy = new ModelAndView("credits/certificate/verify-form");
      busy.setStatus(HttpStatus.TOO_MANY_REQUESTS);
      busy.addObject("throttled", true);
      return busy;
    }
    Optional<Verification> found = certificates.verify(code);
    ModelAndView view = new ModelAndView("credits/certificate/verify");
    if (found.isEmpty()) {
      view.setStatus(HttpStatus.NOT_FOUND);
      view.addObject("notFound", true);
      return view;
    }
    Verification v = found.get();
    view.addObject("verification", v);
    view.addObject("hours", CertificateTexts.hours(v.hours()));
    view.addObject("issuedOn", CertificateTexts.date(texts, locale, v.issuedOn()));
    return view;
  }
}
