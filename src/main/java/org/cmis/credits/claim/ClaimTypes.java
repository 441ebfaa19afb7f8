package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim types and their rules as admin configures them (ISSUE 14, point 1; ADR 0030): every
 * field checked at once, a new code added, an existing one changed; never deleted (claims name
 * them), made inactive instead. Audited.
 */
@Service
public class ClaimTypes {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[05])?");
  private static final Pattern INT = Pattern.compile("[0-9]{1,3}");

  private final ClaimRepository claims;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;

  ClaimTypes(ClaimRepository claims, ApplicationEventPublisher events, JsonMapper json) {
    this.claims = claims;
    this.events = events;
    this.json = json;
  }

  /** Every type, active or not, in order. */
  @Transactional(readOnly = true)
  public List<ClaimType> all() {
    return claims.types();
  }

  /** A type's fields as typed on the settings page or sent to the API. */
  public record TypeInput(
      @Nullable String code,
      @Nullable String name,
      @Nullable String mode,
      @Nullable String hoursPerUnit,
      @Nullable String unitLabel,
      @Nullable String maxPerClaim,
      @Nullable String yearlyCap,
      @Nullable String identifierLabel,
      @Nullable Boolean identifierRequired,
      @Nullable String evidenceHint,
      @Nullable String minEvidence,
      @Nullable List<String> conditions,
      @Nullable Boolean active,
      @Nullable String sortOrder) {}

  /** Adds or changes a type (admin only); answers it as stored. */
  @Transactional
  public ClaimType save(CurrentUser caller, TypeInput in, String address) {
    if (!caller.is(Role.ADMIN)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    ClaimType t = check(in);
    ClaimType before = claims.type(t.code()).orElse(null);
    claims.saveType(t, caller.account());
    ClaimType after = claims.type(t.code()).orElseThrow();
    events.publishEvent(
        new AuditEvent(
            caller.account(),
            "CLAIM_TYPE_SAVED",
            "ClaimType",
            t.code(),
            address,
            before == null ? null : json.writeValueAsString(before),
            json.writeValueAsString(after)));
    return after;
  }

  static ClaimType check(TypeInput in) {
    List<FieldError> errors = new ArrayList<>();
    String code = text(in.code()).toUpperCase(Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "claims.type.error.code"));
    }
    String name = text(in.name());
    if (name.isEmpty() || name.length() > 50) {
      errors.add(new FieldError("name", "claims.type.error.name"));
    }
    ClaimType.Mode mode = null;
    try {
      mode = ClaimType.Mode.valueOf(text(in.mode()));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("mode", "claims.type.error.mode"));
    }
    BigDecimal perUnit = hours(in.hoursPerUnit(), "hoursPerUnit", true, errors);
    BigDecimal max = hours(in.maxPerClaim(), "maxPerClaim", false, errors);
    BigDecimal cap =
        text(in.yearlyCap()).isEmpty() ? null : hours(in.yearlyCap(), "yearlyCap", false, errors);
    String unit = text(in.unitLabel());
    if (unit.length() > 20) {
      errors.add(new FieldError("unitLabel", "claims.type.error.unitLabel"));
    }
    String idLabel = text(in.identifierLabel());
    if (idLabel.length() > 30) {
      errors.add(new FieldError("identifierLabel", "claims.type.error.identifierLabel"));
    }
    String hint = text(in.evidenceHint());
    if (hint.isEmpty() || hint.length() > 300) {
      errors.add(new FieldError("evidenceHint", "claims.type.error.evidenceHint"));
    }
    int minEvidence = integer(in.minEvidence(), 1, 0, 10, "minEvidence", errors);
    int sort = integer(in.sortOrder(), 0, 0, 999, "sortOrder", errors);
    Set<ClaimType.Condition> conditions = EnumSet.noneOf(ClaimType.Condition.class);
    for (String c : in.conditions() == null ? List.<String>of() : in.conditions()) {
      if (c == null || c.isBlank()) {
        continue;
      }
      try {
        conditions.add(ClaimType.Condition.valueOf(c.strip()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("conditions", "claims.type.error.conditions"));
      }
    }
    boolean idRequired = Boolean.TRUE.equals(in.identifierRequired());
    if (idRequired && idLabel.isEmpty()) {
      errors.add(new FieldError("identifierLabel", "claims.type.error.identifierLabel"));
    }
    if (mode == ClaimType.Mode.PER_UNIT && unit.isEmpty()) {
      errors.add(new FieldError("unitLabel", "claims.type.error.unitLabel"));
    }
    if (mode != null
        && mode != ClaimType.Mode.CLAIMED
        && perUnit != null
        && perUnit.signum() == 0) {
      errors.add(new FieldError("hoursPerUnit", "claims.type.error.hours"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    return new ClaimType(
        code,
        name,
        mode,
        perUnit,
        unit,
        max,
        cap,
        idLabel,
        idRequired,
        hint,
        minEvidence,
        conditions,
        in.active() == null || in.active(),
        sort);
  }

  private static @Nullable BigDecimal hours(
      @Nullable String value, String field, boolean zeroAllowed, List<FieldError> errors) {
    String t = text(value);
    if (DECIMAL.matcher(t).matches()) {
      BigDecimal h = new BigDecimal(t).setScale(1);
      if (h.compareTo(new BigDecimal("200")) <= 0 && (zeroAllowed || h.signum() > 0)) {
        return h;
      }
    }
    errors.add(new FieldError(field, "claims.type.error.hours"));
    return null;
  }

  private static int integer(
      @Nullable String value, int empty, int min, int max, String field, List<FieldError> errors) {
    String t = text(value);
    if (t.isEmpty()) {
      return empty;
    }
    if (INT.matcher(t).matches()) {
      int n = Integer.parseInt(t);
      if (n >= min && n <= max) {
        return n;
      }
    }
    errors.add(new FieldError(field, "claims.type.error.number"));
    return empty;
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
