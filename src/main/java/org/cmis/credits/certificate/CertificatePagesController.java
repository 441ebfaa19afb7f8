package org.cmis.credits.certificate;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.stream.IntStream;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.shared.web.ClientAddress;
import org.cmis.shared.web.QrCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printable 学时证明 (F5.7): {@code /hours/certificate?year=} for a member (its own), {@code
 * /hours/people/{memberNo}/certificate?year=} for its firm, its institute's staff and admin.
 * Opening the page issues the certificate, or shows the last one of the year again while nothing it
 * states has changed (ADR 0020); the 打印 button prints it without the page around it.
 */
@Controller
class CertificatePagesController {

  /** How many years back the year selector offers. */
  private static final int YEARS = 5;

  private final CertificateService certificates;
  private final VerifyLinks links;
  private final MessageSource texts;

  CertificatePagesController(
      CertificateService certificates, VerifyLinks links, MessageSource texts) {
    this.certificates = certificates;
    this.links = links;
    this.texts = texts;
  }

  @GetMapping("/hours/certificate")
  String own(
      @AuthenticationPrincipal CurrentUser caller,
      @RequestParam(required = false) @Nullable String year,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    if (!caller.is(Role.MEMBER) || caller.memberNo() == null) {
      throw new CmisException(ErrorCode.NOT_FOUND, "certificate.error.noMember");
    }
    return page(caller, caller.memberNo(), year, "/hours/certificate", request, locale, model);
  }

  @GetMapping("/hours/people/{memberNo}/certificate")
  String person(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestParam(required = false) @Nullable String year,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    return page(
        caller,
        memberNo,
        year,
        "/hours/people/" + memberNo + "/certificate",
        request,
        locale,
        model);
  }

  private String page(
      CurrentUser caller,
      String memberNo,
      @Nullable String year,
      String path,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    // who may see comes first: a stranger learns nothing, not even that a year is wrong
    certificates.member(caller, memberNo);
    int y = certificates.checkYear(parseYear(year));
    HoursCertificate c =
        certificates.issue(caller, memberNo, y, ClientAddress.of(request)).certificate();
    String verifyUrl = links.of(c.code());
    model.addAttribute("certificate", c);
    model.addAttribute(
        "sentence",
        CertificateTexts.sentence(
            texts, locale, c.memberName(), c.memberNo(), c.year(), c.hours()));
    model.addAttribute("issuedOn", CertificateTexts.date(texts, locale, c.issuedOn()));
    model.addAttribute("verifyUrl", verifyUrl);
    model.addAttribute("qrCode", QrCodes.svg(verifyUrl, 132));
    int current = certificates.currentYear();
    model.addAttribute(
        "years", IntStream.rangeClosed(0, YEARS - 1).map(i -> current - i).boxed().toList());
    model.addAttribute("path", path);
    model.addAttribute("own", caller.is(Role.MEMBER));
    return "credits/certificate/certificate";
  }

  /** The year of the query, the current one when absent; anything but a number is a 422. */
  private int parseYear(@Nullable String year) {
    if (year == null || year.isBlank()) {
      return certificates.currentYear();
    }
    String y = year.strip();
    if (y.length() > 4 || !y.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw CertificateService.yearRefused();
    }
    return Integer.parseInt(y);
  }
}
