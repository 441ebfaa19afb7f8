package org.cmis.credits;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes hour entries for tests straight into {@code hour_entry} (never into {@code hour_total}:
 * the ledger's trigger keeps it), as the ledger would post them.
 */
public final class HourEntries {

  /** Registration ids of the test entries: far above any real one, never the same twice. */
  private static final java.util.concurrent.atomic.AtomicLong SOURCES =
      new java.util.concurrent.atomic.AtomicLong(9_000_000_000L);

  private final JdbcClient jdbc;

  public HourEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An entry; answers its id. {@code reverses} null for an original entry. */
  public long add(
      String memberNo,
      int year,
      double hours,
      double ethics,
      String category,
      String source,
      Long sourceId,
      String note,
      Long reverses) {
    return jdbc.sql(
            "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category,"
                + " source, source_id, note, reverses, created_by) values (:no, :year, :date,"
                + " :hours, :ethics, :category, :source, :sourceId, :note, :reverses, 'test')"
                + " returning id")
        .param("no", memberNo)
        .param("year", year)
        .param("date", LocalDate.of(year, 6, 1))
        .param("hours", java.math.BigDecimal.valueOf(hours))
        .param("ethics", java.math.BigDecimal.valueOf(ethics))
        .param("category", category)
        .param("source", source)
        .param("sourceId", sourceId, java.sql.Types.BIGINT)
        .param("note", note)
        .param("reverses", reverses, java.sql.Types.BIGINT)
        .query(Long.class)
        .single();
  }

  /** A class's attendance: TRAINING hours from a registration, the note its class name. */
  public long training(String memberNo, int year, double hours, double ethics, String className) {
    return add(
        memberNo,
        year,
        hours,
        ethics,
        "TRAINING",
        "REGISTRATION",
        SOURCES.incrementAndGet(),
        className,
        null);
  }

  /** A staff member's manual EXTERNAL entry with its reason. */
  public long manual(String memberNo, int year, double hours, String reason) {
    return add(memberNo, year, hours, 0, "EXTERNAL", "MANUAL", null, reason, null);
  }
}
