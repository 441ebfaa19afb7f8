package org.cmis.training.registration;

import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/** What every registration page shows of its class: the summary and why it is not open. */
final class ClassPage {

  private ClassPage() {}

  static void describe(TrainingClass c, ClassStatus status, Model model) {
    model.addAttribute("cls", c);
    model.addAttribute("classStatus", status);
    model.addAttribute("closedReason", closedReason(c, status));
  }

  /** The refusal that registration would meet now, first that applies (API.md), or null. */
  static @Nullable String closedReason(TrainingClass c, ClassStatus status) {
    if (status == ClassStatus.CANCELLED) {
      return "regpage.refusal.CLASS_CANCELLED";
    }
    if (c.external()) {
      return "regpage.refusal.EXTERNAL_CLASS";
    }
    if (status == ClassStatus.NOT_OPEN || status == ClassStatus.DRAFT) {
      return "regpage.refusal.CLASS_NOT_OPEN";
    }
    if (status != ClassStatus.OPEN) {
      return "regpage.refusal.REGISTRATION_CLOSED";
    }
    return null;
  }
}
