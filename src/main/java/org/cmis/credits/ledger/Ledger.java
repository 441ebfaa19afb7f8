package org.cmis.credits.ledger;

import java.util.List;
import java.util.Map;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourSource;
import org.cmis.membership.MemberDirectory;
import org.cmis.membership.MemberProfile;
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
 * What staff do with the ledger (F5.2, F5.8): add a manual entry for a member of their institute,
 * and reverse an entry with a reason. Nobody edits or deletes one. Only staff of the member's
 * (present) institute may: the ledger follows the member, so staff of an institute it left no
 * longer see its entries, and those of the one it joined do. A member outside the caller's scope is
 * answered as if it did not exist. Both are audited.
 */
@Service
public class Ledger {

  static final int MAX_REASON = 500;

  private final LedgerRepository ledger;
  private final MemberDirectory members;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;

  Ledger(
      LedgerRepository ledger,
      MemberDirectory members,
      ApplicationEventPublisher events,
      JsonMapper json) {
    this.ledger = ledger;
    this.members = members;
    this.events = events;
    this.json = json;
  }

  /** The member, when the caller is staff of its institute; else FORBIDDEN or NOT_FOUND. */
  @Transactional(readOnly = true)
  public MemberProfile member(CurrentUser caller, String memberNo) {
    requireStaff(caller);
    return members
        .profile(memberNo)
        .filter(m -> m.instituteCode().equals(caller.instituteCode()))
        .orElseThrow(Ledger::notFound);
  }

  /** A member's entries of a year, for its institute's staff. */
  @Transactional(readOnly = true)
  List<LedgerEntry> entries(CurrentUser caller, String memberNo, int year) {
    return ledger.entries(member(caller, memberNo).memberNo(), year);
  }

  /** Adds a manual entry (category EXTERNAL, source MANUAL, the reason as note). */
  @Transactional
  public HourEntry add(
      CurrentUser caller, String memberNo, ManualEntryInput input, String address) {
    MemberProfile m = member(caller, memberNo);
    ManualEntryInput.Valid v = input.validate();
    long id =
        ledger.insert(
            new LedgerRepository.NewEntry(
                m.memberNo(),
                v.year(),
                v.date(),
                v.hours(),
                v.ethicsHours(),
                v.category(),
                HourSource.MANUAL,
                null,
                v.note(),
                null,
                caller.account()));
    LedgerEntry written = ledger.find(id).orElseThrow();
    audit(caller, "HOUR_ENTRY_ADDED", written, address);
    return written.entry();
  }

  /**
   * Reverses an entry: the opposite hours, the same source and date, the reason as note. An entry
   * already reversed, or a reversal itself, is INVALID_STATE; the unique index on {@code reverses}
   * is the last word should two reversals race past these checks.
   */
  @Transactional
  public HourEntry reverse(
      CurrentUser caller, long entryId, @Nullable String reason, String address) {
    requireStaff(caller);
    String why = reason == null ? "" : reason.strip();
    LedgerEntry seen = ledger.find(entryId).orElseThrow(Ledger::notFound);
    member(caller, seen.memberNo());
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw CmisException.validation(List.of(new FieldError("reason", "ledger.error.reason")));
    }
    ledger.waitAtMostSeconds(3);
    if (seen.entry().sourceId() != null) {
      // the same lock as attendance's postings, so that staff and a delivery do not both reverse
      ledger.lockSource(seen.entry().source(), seen.entry().sourceId());
    }
    LedgerEntry e = ledger.lock(entryId).orElseThrow(Ledger::notFound);
    if (e.isReversal() || e.reversed()) {
      throw new CmisException(ErrorCode.INVALID_STATE, "ledger.error.reversed");
    }
    long id =
        ledger.insert(
            LedgerRepository.NewEntry.reversalOf(e, e.entry().date(), why, caller.account()));
    LedgerEntry written = ledger.find(id).orElseThrow();
    audit(caller, "HOUR_ENTRY_REVERSED", written, address);
    return written.entry();
  }

  /**
   * What another part of credits posts once per source (ISSUE 14): an approved claim (CLAIM, its
   * id), an imported row of external hours (IMPORT, its row's id).
   */
  public record Posting(
      String memberNo,
      int year,
      java.time.LocalDate date,
      java.math.BigDecimal hours,
      java.math.BigDecimal ethicsHours,
      org.cmis.credits.HourCategory category,
      HourSource source,
      long sourceId,
      String note,
      String createdBy) {}

  /**
   * Posts the entry of a source unless the source has a live entry already: idempotent on the
   * source, under the source's advisory lock (the one attendance's postings take), in the caller's
   * transaction. Answers the live entry, the new one or the one already there.
   */
  @Transactional
  public HourEntry postOnce(Posting p) {
    ledger.waitAtMostSeconds(3);
    ledger.lockSource(p.source(), p.sourceId());
    List<LedgerEntry> live = ledger.live(p.source(), p.sourceId());
    if (!live.isEmpty()) {
      return live.get(0).entry();
    }
    long id =
        ledger.insert(
            new LedgerRepository.NewEntry(
                p.memberNo(),
                p.year(),
                p.date(),
                p.hours(),
                p.ethicsHours(),
                p.category(),
                p.source(),
                p.sourceId(),
                p.note(),
                null,
                p.createdBy()));
    return ledger.find(id).orElseThrow().entry();
  }

  /**
   * Reverses the live entries of a source with the reason as note (ISSUE 14: a mistaken approval
   * taken back), under the source's lock; answers the reversals written (none when nothing is
   * live).
   */
  @Transactional
  public List<HourEntry> reverseSource(
      HourSource source, long sourceId, String reason, String createdBy) {
    ledger.waitAtMostSeconds(3);
    ledger.lockSource(source, sourceId);
    return ledger.live(source, sourceId).stream()
        .map(
            e ->
                ledger
                    .find(
                        ledger.insert(
                            LedgerRepository.NewEntry.reversalOf(
                                e, e.entry().date(), reason, createdBy)))
                    .orElseThrow()
                    .entry())
        .toList();
  }

  private void audit(CurrentUser caller, String action, LedgerEntry e, String address) {
    Map<String, Object> after = new java.util.LinkedHashMap<>();
    after.put("memberNo", e.memberNo());
    after.put("year", e.year());
    after.put("entry", e.entry());
    events.publishEvent(
        new AuditEvent(
            caller.account(),
            action,
            "HourEntry",
            Long.toString(e.entry().id()),
            address,
            null,
            json.writeValueAsString(after)));
  }

  private static void requireStaff(CurrentUser caller) {
    if (!caller.is(Role.STAFF)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }
}
