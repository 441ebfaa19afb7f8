package org.cmis.credits.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate detection (ADR 0031): the same work refused, a close title flagged. */
class DuplicatesTest {

  static final LocalDate DAY = LocalDate.of(2026, 5, 20);

  static Duplicates.Work work(
      long id, String type, String identifier, String title, LocalDate date, ClaimStatus status) {
    return new Duplicates.Work(
        id, type, Duplicates.identifierKey(identifier), Duplicates.titleKey(title), date, status);
  }

  @Test
  void theSameTypeAndIdentifierIsTheSameWorkWhateverItsSpelling() {
    var earlier = work(1, "BOOK", "ISBN 978-7-111-12345-6", "审计实务", DAY, ClaimStatus.APPROVED);
    var again = work(2, "BOOK", "isbn９７８７１１１１２３４５６", "另一个名字", DAY.plusDays(9), ClaimStatus.DRAFT);
    var v = Duplicates.check(again, List.of(earlier));
    assertThat(v.same()).map(Duplicates.Work::id).contains(1L);
  }

  @Test
  void anIdentifierOfAnotherTypeIsNotTheSameWork() {
    var earlier = work(1, "TEACHING", "KC-01", "课程一", DAY, ClaimStatus.PENDING);
    var other = work(2, "RESEARCH", "KC-01", "课题二", DAY, ClaimStatus.DRAFT);
    assertThat(Duplicates.check(other, List.of(earlier)).same()).isEmpty();
  }

  @Test
  void theSameNormalisedTitleAndDateIsTheSameWork() {
    var earlier = work(1, "ARTICLE", "", "《收入准则》实施中的若干问题", DAY, ClaimStatus.RETURNED);
    var again = work(2, "OTHER", "", "收入准则 实施中的若干问题！", DAY, ClaimStatus.DRAFT);
    assertThat(Duplicates.check(again, List.of(earlier)).same())
        .map(Duplicates.Work::id)
        .contains(1L);
    // the same title on another date (a second delivery, say) is not refused, but flagged
    var later = work(3, "OTHER", "", "收入准则实施中的若干问题", DAY.plusDays(30), ClaimStatus.DRAFT);
    var v = Duplicates.check(later, List.of(earlier));
    assertThat(v.same()).isEmpty();
    assertThat(v.similar()).map(Duplicates.Work::id).contains(1L);
  }

  @Test
  void aCloseTitleIsFlaggedNotRefused() {
    var earlier = work(1, "ARTICLE", "会计研究 5", "新收入准则下建筑企业收入确认研究", DAY, ClaimStatus.APPROVED);
    var close =
        work(2, "ARTICLE", "财务与会计 3", "新收入准则下建筑企业的收入确认研究", DAY.plusDays(40), ClaimStatus.DRAFT);
    var v = Duplicates.check(close, List.of(earlier));
    assertThat(v.same()).isEmpty();
    assertThat(v.similar()).map(Duplicates.Work::id).contains(1L);
    var far = work(3, "ARTICLE", "财务与会计 4", "内部控制审计的抽样方法", DAY, ClaimStatus.DRAFT);
    assertThat(Duplicates.check(far, List.of(earlier)).similar()).isEmpty();
  }

  @Test
  void withdrawnDraftAndReversedClaimsDoNotStandForTheirWork() {
    var withdrawn = work(1, "BOOK", "978-7", "书", DAY, ClaimStatus.WITHDRAWN);
    var draft = work(2, "BOOK", "978-7", "书", DAY, ClaimStatus.DRAFT);
    var reversed = work(3, "BOOK", "978-7", "书", DAY, ClaimStatus.REVERSED);
    var claim = work(4, "BOOK", "978-7", "书", DAY, ClaimStatus.DRAFT);
    var v = Duplicates.check(claim, List.of(withdrawn, draft, reversed, claim));
    assertThat(v.same()).isEmpty();
  }

  @Test
  void coAuthorsAreOtherMembersAndEachClaimsItsShare() {
    // detection runs over one member's claims only: a co-author's claim is never in the list
    var mine = work(10, "ARTICLE", "会计研究 2026-5", "合著论文", DAY, ClaimStatus.DRAFT);
    assertThat(Duplicates.check(mine, List.of()).same()).isEmpty();
  }

  @Test
  void keysKeepLettersAndDigitsOnly() {
    assertThat(Duplicates.titleKey(" 《审计》 —— 实务 ２０２６ ")).isEqualTo("审计实务2026");
    assertThat(Duplicates.identifierKey("978-7-111-1 ")).isEqualTo("97871111");
    assertThat(Duplicates.dice("abc", "abc")).isEqualTo(1.0);
  }
}
