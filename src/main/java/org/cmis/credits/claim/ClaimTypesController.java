package org.cmis.credits.claim;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.web.ClientAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 产出法申报类型 of admin (ISSUE 14, point 1): the types and their rules, one form per type. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ClaimTypesController {

  private static final String VIEW = "claims/types";

  private final ClaimTypes types;

  ClaimTypesController(ClaimTypes types) {
    this.types = types;
  }

  @GetMapping("/admin/claim-types")
  String page(@RequestParam(defaultValue = "") String code, Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>();
    boolean idRequired = false;
    boolean active = true;
    for (ClaimType t : types.all()) {
      if (t.code().equals(code)) {
        form.put("code", t.code());
        form.put("name", t.name());
        form.put("mode", t.mode().name());
        form.put("hoursPerUnit", t.hoursPerUnit().toPlainString());
        form.put("unitLabel", t.unitLabel());
        form.put("maxPerClaim", t.maxPerClaim().toPlainString());
        form.put("yearlyCap", t.yearlyCap() == null ? "" : t.yearlyCap().toPlainString());
        form.put("identifierLabel", t.identifierLabel());
        form.put("evidenceHint", t.evidenceHint());
        form.put("minEvidence", Integer.toString(t.minEvidence()));
        form.put("sortOrder", Integer.toString(t.sortOrder()));
        t.conditions().forEach(c -> conditions.add(c.name()));
        idRequired = t.identifierRequired();
        active = t.active();
      }
    }
    return view(model, form, conditions, idRequired, active, Map.of(), !form.isEmpty());
  }

  @PostMapping("/admin/claim-types")
  String save(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam Map<String, String> params,
      @RequestParam(name = "conditions", required = false) @Nullable List<String> conditions,
      @RequestParam(defaultValue = "false") boolean identifierRequired,
      @RequestParam(defaultValue = "false") boolean active,
      @RequestParam(defaultValue = "false") boolean editing,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    ClaimTypes.TypeInput in =
        new ClaimTypes.TypeInput(
            params.get("code"),
            params.get("name"),
            params.get("mode"),
            params.get("hoursPerUnit"),
            params.get("unitLabel"),
            params.get("maxPerClaim"),
            params.get("yearlyCap"),
            params.get("identifierLabel"),
            identifierRequired,
            params.get("evidenceHint"),
            params.get("minEvidence"),
            conditions,
            active,
            params.get("sortOrder"));
    try {
      types.save(user, in, ClientAddress.of(request));
    } catch (CmisException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      Map<String, List<String>> errors = new LinkedHashMap<>();
      for (FieldError error : e.errors()) {
        errors.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message());
      }
      Map<String, String> form = new LinkedHashMap<>();
      for (String k :
          List.of(
              "code",
              "name",
              "mode",
              "hoursPerUnit",
              "unitLabel",
              "maxPerClaim",
              "yearlyCap",
              "identifierLabel",
              "evidenceHint",
              "minEvidence",
              "sortOrder")) {
        String v = params.getOrDefault(k, "");
        form.put(k, v.length() > 400 ? v.substring(0, 400) : v);
      }
      return view(
          model,
          form,
          conditions == null ? List.of() : conditions,
          identifierRequired,
          active,
          errors,
          editing);
    }
    redirect.addFlashAttribute("flash", "claims.type.saved");
    return "redirect:/admin/claim-types";
  }

  private String view(
      Model model,
      Map<String, String> form,
      List<String> conditions,
      boolean identifierRequired,
      boolean active,
      Map<String, List<String>> errors,
      boolean editing) {
    for (String k :
        List.of(
            "code",
            "name",
            "mode",
            "hoursPerUnit",
            "unitLabel",
            "maxPerClaim",
            "yearlyCap",
            "identifierLabel",
            "evidenceHint",
            "minEvidence",
            "sortOrder")) {
      form.putIfAbsent(k, "");
    }
    model.addAttribute("types", types.all());
    model.addAttribute("form", form);
    model.addAttribute("formConditions", conditions);
    model.addAttribute("identifierRequired", identifierRequired);
    model.addAttribute("active", active);
    model.addAttribute("errors", errors);
    model.addAttribute("editing", editing);
    model.addAttribute("modes", ClaimType.Mode.values());
    model.addAttribute("conditions", ClaimType.Condition.values());
    return VIEW;
  }
}
