package org.cmis.credits.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cmis.credits.HourCategory;
import org.cmis.credits.HourEntry;
import org.cmis.credits.HourSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's table {@code hour_entry}: inserts only (the table's trigger refuses anything else,
 * and keeps {@code hour_total} in the same statement), the reads posting needs, and the lock that
 * serializes the postings of one source.
 */
@Repository
class LedgerRepository {

  private static final String COLUMNS =
      "e.id, e.member_no, e.year, e.entry_date, e.hours, e.ethics_hours, e.category, e.source,"
          + " e.source_id, e.note, e.reverses, e.created_by, e.created_at,"
          + " exists (select 1 from hour_entry r where r.reverses = e.id) as reversed";

  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What is written: an entry before it has an id. */
  record NewEntry(
      String memberNo,
      int year,
      LocalDate date,
      BigDecimal hours,
      BigDecimal ethicsHours,
      HourCategory category,
      HourSource source,
      @Nullable Long sourceId,
      String note,
      @Nullable Long reverses,
      String createdBy) {

    /** The entry that takes this stored one back: the opposite hours, the same source. */
    static NewEntry reversalOf(LedgerEntry e, LocalDate date, String note, String createdBy) {
      return new NewEntry(
          e.memberNo(),
          e.year(),
          date,
          e.entry().hours().negate(),
          e.entry().ethicsHours().negate(),
          e.entry().category(),
          e.entry().source(),
          e.entry().sourceId(),
          note,
          e.entry().id(),
          createdBy);
    }
  }

  /** Writes an entry (the trigger adds it to the totals); answers its id. */
  long insert(NewEntry e) {
    return jdbc.sql(
            "insert into hour_entry (member_no, year, entry_date, hours, ethics_hours, category,"
                + " source, source_id, note, reverses, created_by)"
                + " values (:member, :year, :date, :hours, :ethics, :category, :source,"
                + " :sourceId, :note, :reverses, :by) returning id")
        .param("member", e.memberNo())
        .param("year", e.year())
        .param("date", e.date())
        .param("hours", e.hours())
        .param("ethics", e.ethicsHours())
        .param("category", e.category().name())
        .param("source", e.source().name())
        .param("sourceId", e.sourceId())
        .param("note", e.note())
        .param("reverses", e.reverses())
        .param("by", e.createdBy())
        .query(Long.class)
        .single();
  }

  Optional<LedgerEntry> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from hour_entry e where e.id = :id")
        .param("id", id)
        .query(LedgerRepository::map)
        .optional();
  }

  /**
   * Locks an entry's row against a concurrent reversal (FOR UPDATE fires no trigger), and answers
   * it as it is under that lock.
   */
  Optional<LedgerEntry> lock(long id) {
    jdbc.sql("select id from hour_entry where id = :id for update")
        .param("id", id)
        .query(Long.class)
        .optional();
    return find(id);
  }

  /**
   * Serializes every posting of one source (a registration, a claim) until the transaction ends: a
   * transaction-scoped advisory lock on a 64-bit hash of {@code source:id}. A collision of two
   * sources' hashes only makes them wait for each other.
   */
  void lockSource(HourSource source, long sourceId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .param("key", "hour_entry:" + source.name() + ":" + sourceId)
        .query((rs, n) -> 1)
        .list();
  }

  /**
   * Records that the source's change {@code version} is applied, unless a later one already is:
   * answers false for a delivery older than (or the same as) what the ledger has applied. Call it
   * under {@link #lockSource}.
   */
  boolean advance(HourSource source, long sourceId, long version) {
    return jdbc.sql(
                "insert into hour_source_version as v (source, source_id, version)"
                    + " values (:source, :id, :version) on conflict (source, source_id) do update"
                    + " set version = excluded.version where v.version < excluded.version")
            .param("source", source.name())
            .param("id", sourceId)
            .param("version", version)
            .update()
        == 1;
  }

  /** A lock wait of this transaction longer than that fails (the API answers BUSY). */
  void waitAtMostSeconds(int seconds) {
    jdbc.sql("set local lock_timeout = '" + seconds + "s'").update();
  }

  /** The source's original entries that no entry reverses yet (at most one when all is well). */
  List<LedgerEntry> live(HourSource source, long sourceId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from hour_entry e where e.source = :source and e.source_id = :id"
                + " and e.reverses is null"
                + " and not exists (select 1 from hour_entry r where r.reverses = e.id)"
                + " order by e.id")
        .param("source", source.name())
        .param("id", sourceId)
        .query(LedgerRepository::map)
        .list();
  }

  /** A member's entries of a year, as the ledger page lists them (date, then id). */
  List<LedgerEntry> entries(String memberNo, int year) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from hour_entry e where e.member_no = :member and e.year = :year"
                + " order by e.entry_date, e.id")
        .param("member", memberNo)
        .param("year", year)
        .query(LedgerRepository::map)
        .list();
  }

  private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
    HourEntry entry =
        new HourEntry(
            rs.getLong("id"),
            rs.getObject("entry_date", LocalDate.class),
            rs.getBigDecimal("hours"),
            rs.getBigDecimal("ethics_hours"),
            HourCategory.valueOf(rs.getString("category")),
            HourSource.valueOf(rs.getString("source")),
            rs.getObject("source_id", Long.class),
            rs.getString("note"),
            rs.getObject("reverses", Long.class));
    return new LedgerEntry(
        entry,
        rs.getString("member_no"),
        rs.getInt("year"),
        rs.getString("created_by"),
        rs.getObject("created_at", java.time.OffsetDateTime.class),
        rs.getBoolean("reversed"));
  }
}
