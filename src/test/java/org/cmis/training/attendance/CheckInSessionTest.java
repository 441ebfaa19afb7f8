package org.cmis.training.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A session's window and its late mark. */
class CheckInSessionTest {

  private static final OffsetDateTime OPENS = OffsetDateTime.parse("2026-03-10T09:00:00+08:00");

  private static CheckInSession session(int minutes, int lateAfter) {
    return new CheckInSession(
        1,
        2,
        LocalDate.of(2026, 3, 10),
        "123456",
        "t".repeat(32),
        OPENS,
        OPENS.plusMinutes(minutes),
        lateAfter,
        0);
  }

  @Test
  void openFromItsOpeningUntilJustBeforeItCloses() {
    CheckInSession s = session(120, 15);
    assertThat(s.openAt(OPENS.minusSeconds(1))).isFalse();
    assertThat(s.openAt(OPENS)).isTrue();
    assertThat(s.openAt(OPENS.plusMinutes(119))).isTrue();
    assertThat(s.openAt(OPENS.plusMinutes(120))).isFalse();
  }

  @Test
  void lateAfterTheGivenMinutes() {
    CheckInSession s = session(120, 15);
    assertThat(s.lateAt(OPENS.plusMinutes(15))).isFalse();
    assertThat(s.lateAt(OPENS.plusMinutes(15).plusSeconds(1))).isTrue();
    assertThat(session(60, 0).lateAt(OPENS.plusSeconds(1))).isTrue();
  }
}
