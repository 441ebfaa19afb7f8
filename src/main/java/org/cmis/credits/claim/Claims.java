package org.cmis.credits.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourSource;
import org.cmis.credits.ledger.Ledger;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 产出法形式学时 (F5.5, ISSUE 14): a member's claims, from draft to decision, and who may do what.
 *
 * <ul>
 *   <li>the member saves drafts (with evidence), submits, withdraws before review, corrects and
 *       resubmits a returned claim; only its own;
 *   <li>staff of the member's (present) institute approve in full, approve fewer hours (reason),
 *       return (reason), and reverse a mistaken approval (reason, a reversal entry);
 *   <li>a firm sees its people's claims, read-only and without the evidence; admin sees all.
 * </ul>
 *
 * A claim outside the caller's scope is answered as if it did not exist. Every decision takes the
 * claim's row lock, so two reviewers of one claim decide in turn (the second finds it decided), and
 * approval posts through the {@link Ledger} once per claim. Every change is audited.
 */
@Service
public class Claims {

  static final int MAX_REASON = 500;
  private static final Pattern HALVES = Pattern.compile("[0-9]{1,3}(\\.[05])?");

  private final ClaimRepository claims;
  private final MemberDirectory members;
  private final Ledger ledger;
  private final ClaimTelling telling;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final MessageSource texts;
  private final Clock clock;

  Claims(
      ClaimRepository claims,
      MemberDirectory members,
      Ledger ledger,
      ClaimTelling telling,
      ApplicationEventPublisher events,
      JsonMapper json,
      MessageSource texts,
      Clock clock) {
    this.claims = claims;
    this.members = members;
    this.ledger = ledger;
    this.telling = telling;
    this.events = events;
    this.json = json;
    this.texts = texts;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- reading

  /** The claim types members may choose (active ones), in their order. */
  @Transactional(readOnly = true)
  public List<ClaimType> activeTypes() {
    return claims.types().stream().filter(ClaimType::active).toList();
  }

  /** One claim the caller may see, with its evidence. */
  @Transactional(readOnly = true)
  public Claim get(CurrentUser caller, long id) {
    Claim c = claims.find(id).orElseThrow(Claims::notFound);
    if (!sees(caller, c)) {
      throw notFound();
    }
    return caller.is(Role.FIRM) ? c.withEvidence(List.of()) : c;
  }

  /** What a list of claims asks for (every field optional). */
  public record Query(
      @Nullable String firmNo,
      @Nullable String memberNo,
      @Nullable String type,
      @Nullable ClaimStatus status,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String q) {

    public static final Query ALL = new Query(null, null, null, null, null, null, null);
  }

  /**
   * A page of the claims the caller may see, in submission order: a member its own (drafts too), a
   * firm its people's, staff its institute's, admin everyone's (drafts only to their member). A
   * filter outside the caller's scope (another firm) is FORBIDDEN.
   */
  @Transactional(readOnly = true)
  public PageResult<Claim> list(CurrentUser caller, Query q, Paging paging) {
    String institute = null;
    String firm = blank(q.firmNo());
    String member = blank(q.memberNo());
    switch (caller.role()) {
      case MEMBER -> {
        if (member != null && !member.equals(caller.memberNo())) {
          throw forbidden();
        }
        member = caller.memberNo();
      }
      case FIRM -> {
        if (firm != null && !firm.equals(caller.firmNo())) {
          throw forbidden();
        }
        firm = caller.firmNo();
      }
      case STAFF -> institute = caller.instituteCode();
      case ADMIN -> {}
    }
    if (firm != null && caller.is(Role.STAFF)) {
      // a firm of another institute is FORBIDDEN (membership's scope rule)
      members.list(caller, new org.cmis.membership.MemberQuery(firm, null, null), new Paging(1, 1));
    }
    ClaimStatus status = q.status();
    if (status == ClaimStatus.DRAFT && !caller.is(Role.MEMBER)) {
      return new PageResult<>(List.of(), 0, paging.page(), paging.size());
    }
    ClaimRepository.Filter f =
        new ClaimRepository.Filter(
            institute,
            firm,
            member,
            blank(q.type()),
            status,
            q.from(),
            q.to(),
            q.q() == null ? null : cut(q.q().strip(), 50),
            caller.is(Role.MEMBER));
    return claims.list(f, paging);
  }

  /** What the member's page shows before submitting: what the rule grants, what cap is left. */
  public record Preview(ClaimType type, ClaimRules.Assessment assessment) {}

  /** The rule's assessment of a claim as typed, for its member (nothing is saved). */
  @Transactional(readOnly = true)
  public Preview preview(CurrentUser caller, @Nullable Long claimId, ClaimInput input) {
    requireMember(caller);
    ClaimInput.Valid v = input.validate(claims::type, today());
    long except = claimId == null ? -1 : claimId;
    return new Preview(v.type(), assess(caller.memberNo(), v, except));
  }

  /** The year's cap left of each active type for the member, by type code (null: no cap). */
  @Transactional(readOnly = true)
  public Map<String, @Nullable BigDecimal> capsLeft(CurrentUser caller, int year) {
    requireMember(caller);
    Map<String, @Nullable BigDecimal> left = new LinkedHashMap<>();
    for (ClaimType t : activeTypes()) {
      left.put(
          t.code(),
          t.yearlyCap() == null
              ? null
              : t.yearlyCap()
                  .subtract(claims.used(caller.memberNo(), t.code(), year, -1))
                  .max(BigDecimal.ZERO)
                  .setScale(1));
    }
    return left;
  }

  private ClaimRules.Assessment assess(String memberNo, ClaimInput.Valid v, long except) {
    int year = v.workDate().getYear();
    boolean before = false;
    if (v.type().conditions().contains(ClaimType.Condition.FIRST_DELIVERY)) {
      String key = Duplicates.identifierKey(v.identifier());
      before =
          !key.isEmpty()
              && claims.ofMember(memberNo).stream()
                  .anyMatch(
                      c ->
                          c.id() != except
                              && c.type().equals(v.type().code())
                              && Duplicates.counts(c.status())
                              && c.status() != ClaimStatus.RETURNED
                              && Duplicates.identifierKey(c.identifier()).equals(key)
                              && c.workDate().isBefore(v.workDate()));
    }
    return ClaimRules.assess(
        v.type(),
        v.facts(),
        new ClaimRules.Context(
            today(), claims.used(memberNo, v.type().code(), year, except), before));
  }

  // ---- the member's writes

  /**
   * Saves a new draft with its evidence files; answers it. Nothing is saved when anything fails.
   */
  @Transactional
  public Claim create(CurrentUser caller, ClaimInput input, List<Upload> uploads, String address) {
    MemberProfile m = requireMember(caller);
    List<FieldError> errors = new ArrayList<>();
    ClaimInput.Valid v = validate(input, errors);
    List<UploadCheck.CheckedFile> files = EvidenceRules.check(uploads, 0, errors);
    refuse(errors, v == null);
    long id = claims.insert(owner(m), v);
    for (UploadCheck.CheckedFile f : files) {
      claims.addEvidence(id, f.filename(), f.type().contentType(), f.content());
    }
    Claim c = claims.find(id).orElseThrow();
    audit(caller, "CLAIM_CREATED", c, address);
    return c;
  }

  /**
   * Changes a draft or returned claim: its fields, files removed (by id) and added. Nothing is
   * saved when anything fails.
   */
  @Transactional
  public Claim update(
      CurrentUser caller,
      long id,
      ClaimInput input,
      List<Upload> uploads,
      List<Long> removeEvidence,
      String address) {
    MemberProfile m = requireMember(caller);
    // The claim's row lock, as submit and the decisions take it: an edit racing a submission or a
    // decision waits and then sees the new status.
    Claim c = lockedOwn(caller, id);
    if (!c.status().editable()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notEditable");
    }
    List<FieldError> errors = new ArrayList<>();
    ClaimInput.Valid v = validate(input, errors);
    long kept = c.evidence().stream().filter(e -> !removeEvidence.contains(e.id())).count();
    List<UploadCheck.CheckedFile> files = EvidenceRules.check(uploads, (int) kept, errors);
    refuse(errors, v == null);
    claims.update(id, owner(m), v);
    for (long e : removeEvidence) {
      claims.removeEvidence(id, e);
    }
    for (UploadCheck.CheckedFile f : files) {
      claims.addEvidence(id, f.filename(), f.type().contentType(), f.content());
    }
    Claim after = claims.find(id).orElseThrow();
    audit(caller, "CLAIM_UPDATED", after, address);
    return after;
  }

  /**
   * Adds evidence files to the member's draft or returned claim (the API's upload): all or none; a
   * refused file, or more than 10 in all, is BAD_FILE naming the problem.
   */
  @Transactional
  public Claim addEvidence(CurrentUser caller, long id, List<Upload> uploads, String address) {
    requireMember(caller);
    Claim c = lockedOwn(caller, id);
    if (!c.status().editable()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notEditable");
    }
    List<FieldError> errors = new ArrayList<>();
    if (uploads.isEmpty()) {
      errors.add(new FieldError("file", "claims.error.evidence.none"));
    }
    List<UploadCheck.CheckedFile> files = EvidenceRules.check(uploads, c.evidence().size(), errors);
    if (!errors.isEmpty()) {
      List<FieldError> asFile =
          errors.stream().map(e -> new FieldError("file", e.message())).toList();
      throw new CmisException(ErrorCode.BAD_FILE, asFile.get(0).message(), asFile, null);
    }
    for (UploadCheck.CheckedFile f : files) {
      claims.addEvidence(id, f.filename(), f.type().contentType(), f.content());
    }
    Claim after = claims.find(id).orElseThrow();
    audit(caller, "CLAIM_EVIDENCE_ADDED", after, address);
    return after;
  }

  /**
   * Submits a draft or returned claim for review: the fields as the rule wants them
   * (VALIDATION_FAILED naming them), the evidence the type needs (EVIDENCE_REQUIRED), the year's
   * cap of the type (CLAIM_CAP_REACHED), and not the same work as an earlier claim (DUPLICATE_CLAIM
   * naming it). A title close to an earlier claim's is flagged to the reviewer.
   */
  @Transactional
  public Claim submit(CurrentUser caller, long id, String address) {
    requireMember(caller);
    Claim c = lockedOwn(caller, id);
    if (!c.status().editable()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notEditable");
    }
    ClaimInput.Valid v = inputOf(c).validate(claims::type, today());
    claims.lockCap(c.memberNo(), v.type().code(), v.workDate().getYear());
    ClaimRules.Assessment a = assess(c.memberNo(), v, id);
    if (a.capReached() || a.overCap(v.hoursClaimed())) {
      throw new CmisException(
          ErrorCode.CLAIM_CAP_REACHED,
          text("claims.error.capReached", v.type().name(), hours(a.capLeft())),
          List.of(new FieldError("hoursClaimed", "claims.error.capReached.field")),
          null);
    }
    if (!a.problems().isEmpty()) {
      throw CmisException.validation(a.problems());
    }
    if (c.evidence().size() < v.type().minEvidence()) {
      throw new CmisException(
          ErrorCode.EVIDENCE_REQUIRED,
          text("claims.error.evidence.required", v.type().evidenceHint()),
          List.of(new FieldError("evidence", "claims.error.evidence.required.field")),
          null);
    }
    List<Duplicates.Work> others = claims.ofMember(c.memberNo()).stream().map(Claim::work).toList();
    Duplicates.Verdict verdict = Duplicates.check(c.work(), others);
    if (verdict.same().isPresent()) {
      Claim earlier = claims.find(verdict.same().get().id()).orElseThrow();
      throw new CmisException(
          ErrorCode.DUPLICATE_CLAIM,
          text(
              "claims.error.duplicate",
              Long.toString(earlier.id()),
              earlier.title(),
              earlier.workDate().toString(),
              text("claims.status." + earlier.status().name())));
    }
    claims.submitted(id, verdict.similar().map(Duplicates.Work::id).orElse(null));
    Claim after = claims.find(id).orElseThrow();
    audit(caller, "CLAIM_SUBMITTED", after, address);
    return after;
  }

  /** Withdraws the member's claim before review (a draft, a pending or a returned one). */
  @Transactional
  public Claim withdraw(CurrentUser caller, long id, String address) {
    requireMember(caller);
    Claim c = lockedOwn(caller, id);
    if (c.status() != ClaimStatus.PENDING && !c.status().editable()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notWithdrawable");
    }
    claims.status(id, ClaimStatus.WITHDRAWN, c.reason(), null, null, null);
    Claim after = claims.find(id).orElseThrow();
    audit(caller, "CLAIM_WITHDRAWN", after, address);
    return after;
  }

  // ---- review

  /**
   * Approves a pending claim of the staff's institute: in full ({@code hours} null or the hours
   * claimed) or fewer hours (a reason required). The year's cap of the type, with the member's
   * other granted claims, is CLAIM_CAP_REACHED. Posts the OUTPUT entry once (idempotent on the
   * claim) and tells the member and its firm.
   */
  @Transactional
  public Claim approve(
      CurrentUser staff,
      long id,
      @Nullable String hoursText,
      @Nullable String reason,
      String address) {
    Claim c = lockedForReview(staff, id);
    if (c.status() != ClaimStatus.PENDING) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notPending");
    }
    String why = reason == null ? "" : reason.strip();
    BigDecimal granted = c.hoursClaimed();
    String h = hoursText == null ? "" : hoursText.strip();
    List<FieldError> errors = new ArrayList<>();
    if (!h.isEmpty()) {
      if (!HALVES.matcher(h).matches()) {
        errors.add(new FieldError("hours", "claims.error.grant"));
      } else {
        granted = new BigDecimal(h).setScale(1);
        if (granted.signum() <= 0 || granted.compareTo(c.hoursClaimed()) > 0) {
          errors.add(new FieldError("hours", "claims.error.grant"));
        }
      }
    }
    boolean partial = errors.isEmpty() && granted.compareTo(c.hoursClaimed()) < 0;
    if (partial && why.isEmpty()) {
      errors.add(new FieldError("reason", "claims.error.reason.required"));
    }
    if (why.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "claims.error.reason.long"));
    }
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
    ClaimType type = claims.type(c.type()).orElseThrow();
    claims.lockCap(c.memberNo(), c.type(), c.year());
    if (type.yearlyCap() != null) {
      BigDecimal left =
          type.yearlyCap()
              .subtract(claims.granted(c.memberNo(), c.type(), c.year(), id))
              .max(BigDecimal.ZERO);
      if (granted.compareTo(left) > 0) {
        throw new CmisException(
            ErrorCode.CLAIM_CAP_REACHED,
            text("claims.error.capReached", type.name(), hours(left)),
            List.of(new FieldError("hours", "claims.error.capReached.field")),
            null);
      }
    }
    HourEntry entry =
        ledger.postOnce(
            new Ledger.Posting(
                c.memberNo(),
                c.year(),
                c.workDate(),
                granted,
                BigDecimal.ZERO.setScale(1),
                HourCategory.OUTPUT,
                HourSource.CLAIM,
                id,
                cut(c.typeName() + "：" + c.title(), 500),
                staff.account()));
    ClaimStatus status = partial ? ClaimStatus.PARTIAL : ClaimStatus.APPROVED;
    claims.status(id, status, why, granted, entry.id(), staff.account());
    Claim after = claims.find(id).orElseThrow();
    audit(staff, "CLAIM_" + status.name(), after, address);
    telling.decided(after);
    return after;
  }

  /** Returns a pending claim to its member with a reason; the member may correct and resubmit. */
  @Transactional
  public Claim returnClaim(CurrentUser staff, long id, @Nullable String reason, String address) {
    Claim c = lockedForReview(staff, id);
    String why = requireReason(reason);
    if (c.status() != ClaimStatus.PENDING) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notPending");
    }
    claims.status(id, ClaimStatus.RETURNED, why, null, null, staff.account());
    Claim after = claims.find(id).orElseThrow();
    audit(staff, "CLAIM_RETURNED", after, address);
    telling.decided(after);
    return after;
  }

  /**
   * Takes back a mistaken approval with a reason: a reversal entry in the ledger, status REVERSED.
   */
  @Transactional
  public Claim reverse(CurrentUser staff, long id, @Nullable String reason, String address) {
    Claim c = lockedForReview(staff, id);
    String why = requireReason(reason);
    if (!c.status().granted()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "claims.error.notGranted");
    }
    ledger.reverseSource(HourSource.CLAIM, id, cut(c.title() + "：" + why, 500), staff.account());
    claims.status(id, ClaimStatus.REVERSED, why, c.hoursGranted(), null, staff.account());
    Claim after = claims.find(id).orElseThrow();
    audit(staff, "CLAIM_REVERSED", after, address);
    telling.decided(after);
    return after;
  }

  // ---- evidence

  /** An evidence file's content: for the claimant, its institute's staff and admin only. */
  public record EvidenceFile(String filename, String contentType, byte[] content) {}

  @Transactional(readOnly = true)
  public EvidenceFile evidence(CurrentUser caller, long id, long evidenceId) {
    Claim c = claims.find(id).orElseThrow(Claims::notFound);
    if (caller.is(Role.FIRM) || !sees(caller, c)) {
      throw notFound();
    }
    ClaimRepository.EvidenceFile f =
        claims.evidenceFile(id, evidenceId).orElseThrow(Claims::notFound);
    return new EvidenceFile(f.filename(), f.contentType(), f.content());
  }

  // ---- helpers

  private boolean sees(CurrentUser caller, Claim c) {
    return switch (caller.role()) {
      case ADMIN -> c.status() != ClaimStatus.DRAFT;
      case MEMBER -> c.memberNo().equals(caller.memberNo());
      case FIRM ->
          c.status() != ClaimStatus.DRAFT
              && members
                  .profile(c.memberNo())
                  .map(p -> p.firmNo() != null && p.firmNo().equals(caller.firmNo()))
                  .orElse(false);
      case STAFF ->
          c.status() != ClaimStatus.DRAFT
              && members
                  .profile(c.memberNo())
                  .map(p -> p.instituteCode().equals(caller.instituteCode()))
                  .orElse(false);
    };
  }

  private Claim own(CurrentUser caller, long id) {
    Claim c = claims.find(id).orElseThrow(Claims::notFound);
    if (!c.memberNo().equals(caller.memberNo())) {
      throw notFound();
    }
    return c;
  }

  private Claim lockedOwn(CurrentUser caller, long id) {
    own(caller, id);
    return claims.lock(id).orElseThrow(Claims::notFound);
  }

  private Claim lockedForReview(CurrentUser staff, long id) {
    if (!staff.is(Role.STAFF)) {
      throw forbidden();
    }
    Claim seen = claims.find(id).orElseThrow(Claims::notFound);
    if (!sees(staff, seen)) {
      throw notFound();
    }
    return claims.lock(id).orElseThrow(Claims::notFound);
  }

  private MemberProfile requireMember(CurrentUser caller) {
    if (!caller.is(Role.MEMBER) || caller.memberNo() == null) {
      throw forbidden();
    }
    return members.profile(caller.memberNo()).orElseThrow(Claims::forbidden);
  }

  private static ClaimRepository.Owner owner(MemberProfile m) {
    return new ClaimRepository.Owner(m.memberNo(), m.name(), m.firmNo(), m.instituteCode());
  }

  private ClaimInput.@Nullable Valid validate(ClaimInput input, List<FieldError> errors) {
    try {
      return input.validate(claims::type, today());
    } catch (CmisException e) {
      errors.addAll(e.errors());
      return null;
    }
  }

  private static void refuse(List<FieldError> errors, boolean invalid) {
    if (!errors.isEmpty() || invalid) {
      throw CmisException.validation(errors);
    }
  }

  /** A stored claim's fields as input again (to check them at submission). */
  static ClaimInput inputOf(Claim c) {
    return new ClaimInput(
        c.type(),
        c.title(),
        c.workDate().toString(),
        c.description(),
        c.identifier(),
        c.units() == null ? null : c.units().toPlainString(),
        Integer.toString(c.authors()),
        c.hoursClaimed().toPlainString());
  }

  private static String requireReason(@Nullable String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw CmisException.validation(
          List.of(new FieldError("reason", "claims.error.reason.required")));
    }
    if (why.length() > MAX_REASON) {
      throw CmisException.validation(List.of(new FieldError("reason", "claims.error.reason.long")));
    }
    return why;
  }

  private void audit(CurrentUser caller, String action, Claim c, String address) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("memberNo", c.memberNo());
    after.put("type", c.type());
    after.put("title", c.title());
    after.put("status", c.status().name());
    after.put("hoursClaimed", c.hoursClaimed());
    after.put("hoursGranted", c.hoursGranted());
    after.put("reason", c.reason());
    after.put("evidence", c.evidence().size());
    events.publishEvent(
        new AuditEvent(
            caller.account(),
            action,
            "Claim",
            Long.toString(c.id()),
            address,
            null,
            json.writeValueAsString(after)));
  }

  private String text(String key, Object... args) {
    return texts.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static String hours(@Nullable BigDecimal h) {
    return h == null ? "-" : h.setScale(1).toPlainString();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }

  private static CmisException forbidden() {
    return new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
  }
}
