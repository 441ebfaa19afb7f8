package org.cmis.membership.supervision;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmis.membership.ChangeOutcome;
import org.cmis.membership.ChangedBy;
import org.cmis.membership.MemberChanges;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Applies a signed batch of events (API.md, ADR 0026) in one transaction, each event in a savepoint
 * of its own: an event that fails rolls back to its savepoint and is rejected with its code, the
 * others apply. Every change goes through {@link MemberChanges} (row lock, version order, history).
 * An event id already applied or ignored is ignored again; a rejected one is not remembered. Events
 * are applied firms first, then by member or firm number and version, so that a firm created in the
 * batch is there for its people, a batch applies each entity's versions in order, and two batches
 * take their row locks in one order (no deadlock between them). A lock wait over {@value
 * #LOCK_TIMEOUT} or a deadlock rolls the whole batch back (BUSY: nothing applied, send it again).
 * Every event's outcome is written to the sync log.
 */
@Service
class SupervisionSync {

  static final String LOCK_TIMEOUT = "5s";

  enum Outcome {
    ACCEPTED,
    IGNORED,
    REJECTED
  }

  private record Result(Outcome outcome, @Nullable String code, @Nullable String message) {
    static final Result ACCEPTED = new Result(Outcome.ACCEPTED, null, null);
    static final Result IGNORED = new Result(Outcome.IGNORED, null, null);
  }

  private final JdbcClient jdbc;
  private final MemberChanges changes;
  private final TransactionTemplate batch;
  private final TransactionTemplate savepoint;

  SupervisionSync(JdbcClient jdbc, MemberChanges changes, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.batch = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Applies the events (1 to 1000, checked by the caller) and answers the counts. */
  SyncAnswer apply(List<JsonNode> nodes) {
    List<SyncEvent> events = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      events.add(EventReader.read(nodes.get(i), i));
    }
    try {
      return batch.execute(status -> run(events, true));
    } catch (Retry e) {
      return batch.execute(status -> run(events, false));
    }
  }

  /** The careful way at once, each event in its savepoint (what a retry does; for tests). */
  SyncAnswer applyWithSavepoints(List<JsonNode> nodes) {
    List<SyncEvent> events = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      events.add(EventReader.read(nodes.get(i), i));
    }
    return batch.execute(status -> run(events, false));
  }

  /**
   * The fast way failed (a database error in an event, or one of the batch's ids applied meanwhile
   * by another batch): the batch is rolled back whole and applied again the careful way.
   */
  private static final class Retry extends RuntimeException {
    Retry() {
      super(null, null, false, false);
    }
  }

  /**
   * {@code fast}: without a savepoint per event (MemberChanges refuses before it writes, so a
   * refusal needs none), the event ids recorded in one statement at the end; any database error or
   * a taken id throws {@link Retry}. Otherwise each event in a savepoint of its own.
   */
  private SyncAnswer run(List<SyncEvent> events, boolean fast) {
    jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
    long batchId =
        jdbc.sql("insert into supervision_batch (event_count) values (:n) returning id")
            .param("n", events.size())
            .query(Long.class)
            .single();
    Map<String, Set<String>> before = institutes(events);
    Result[] results = new Result[events.size()];
    List<SyncEvent.Readable> readable = new ArrayList<>();
    for (SyncEvent e : events) {
      if (e instanceof SyncEvent.Readable r) {
        readable.add(r);
      } else if (e instanceof SyncEvent.Unreadable u) {
        results[u.seq()] =
            new Result(Outcome.REJECTED, ErrorCode.VALIDATION_FAILED.name(), u.message());
      }
    }
    readable.sort(
        Comparator.comparingInt(SyncEvent.Readable::order)
            .thenComparing(SyncEvent.Readable::entityNo)
            .thenComparingLong(SyncEvent.Readable::version)
            .thenComparingInt(SyncEvent.Readable::seq));
    // the ids of this batch applied or ignored before: ignored again without a look at the data
    Set<String> known =
        new java.util.HashSet<>(
            jdbc.sql(
                    "select event_id from supervision_applied_event"
                        + " where event_id = any(cast(:ids as text[]))")
                .param(
                    "ids",
                    readable.stream().map(SyncEvent.Readable::eventId).toArray(String[]::new))
                .query(String.class)
                .list());
    List<String> fresh = new ArrayList<>();
    for (SyncEvent.Readable r : readable) {
      if (!fast) {
        results[r.seq()] = applyOne(batchId, r, known);
        continue;
      }
      if (known.contains(r.eventId())) {
        results[r.seq()] = Result.IGNORED;
        continue;
      }
      try {
        results[r.seq()] = change(r);
      } catch (CmisException e) {
        results[r.seq()] = new Result(Outcome.REJECTED, code(e), message(e, r));
        continue;
      } catch (DataAccessException e) {
        if (transient_(e)) {
          throw e;
        }
        throw new Retry();
      }
      known.add(r.eventId());
      fresh.add(r.eventId());
    }
    if (fast && !fresh.isEmpty()) {
      int recorded =
          jdbc.sql(
                  "insert into supervision_applied_event (event_id, batch_id)"
                      + " select id, :batch from unnest(cast(:ids as text[])) as x (id) order by id"
                      + " on conflict (event_id) do nothing")
              .param("ids", fresh.toArray(String[]::new))
              .param("batch", batchId)
              .update();
      if (recorded != fresh.size()) {
        throw new Retry();
      }
    }
    Map<String, Set<String>> after = institutes(events);
    log(batchId, events, results, before, after);
    int accepted = 0;
    int ignored = 0;
    List<SyncAnswer.Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      switch (results[i].outcome()) {
        case ACCEPTED -> accepted++;
        case IGNORED -> ignored++;
        case REJECTED ->
            rejected.add(
                new SyncAnswer.Rejection(
                    events.get(i).eventId(), results[i].code(), results[i].message()));
      }
    }
    jdbc.sql(
            "update supervision_batch set accepted = :a, ignored = :i, rejected = :r where id = :id")
        .param("a", accepted)
        .param("i", ignored)
        .param("r", rejected.size())
        .param("id", batchId)
        .update();
    return new SyncAnswer(accepted, ignored, rejected);
  }

  /** Thrown inside an event's savepoint to undo it: its id was applied meanwhile elsewhere. */
  private static final class AlreadyApplied extends RuntimeException {
    AlreadyApplied() {
      super(null, null, false, false);
    }
  }

  private Result applyOne(long batchId, SyncEvent.Readable r, Set<String> known) {
    if (known.contains(r.eventId())) {
      return Result.IGNORED;
    }
    Result result = tryOne(batchId, r);
    if (result.outcome() != Outcome.REJECTED) {
      known.add(r.eventId());
    }
    return result;
  }

  /** Applies one event through MemberChanges. */
  private Result change(SyncEvent.Readable r) {
    ChangedBy by = ChangedBy.syncEvent(r.eventId());
    ChangeOutcome outcome =
        switch (r.kind()) {
          case MEMBER_UPSERT -> changes.upsert(r.member(), r.version(), by);
          case FIRM_UPSERT -> changes.upsertFirm(r.firm(), r.version(), by);
          case MEMBER_TRANSFER ->
              changes.transfer(
                  r.transfer().memberNo(),
                  r.transfer().fromFirmNo(),
                  r.transfer().toFirmNo(),
                  r.version(),
                  by);
        };
    return outcome == ChangeOutcome.IGNORED ? Result.IGNORED : Result.ACCEPTED;
  }

  private Result tryOne(long batchId, SyncEvent.Readable r) {
    try {
      return savepoint.execute(
          status -> {
            Result outcome = change(r);
            // After the change, under the entity's row lock: a concurrent batch with the same
            // event waits for that lock first, so the two never wait for each other here.
            int fresh =
                jdbc.sql(
                        "insert into supervision_applied_event (event_id, batch_id)"
                            + " values (:id, :batch) on conflict (event_id) do nothing")
                    .param("id", r.eventId())
                    .param("batch", batchId)
                    .update();
            if (fresh == 0) {
              throw new AlreadyApplied();
            }
            return outcome;
          });
    } catch (AlreadyApplied e) {
      return Result.IGNORED;
    } catch (CmisException e) {
      return new Result(Outcome.REJECTED, code(e), message(e, r));
    } catch (DataIntegrityViolationException e) {
      if (transient_(e)) {
        throw e;
      }
      return new Result(Outcome.REJECTED, ErrorCode.VALIDATION_FAILED.name(), "数据与已存储的记录冲突，未能保存");
    } catch (DataAccessException e) {
      throw e;
    }
  }

  private static String code(CmisException e) {
    return switch (e.code()) {
      case UNKNOWN_FIRM, UNKNOWN_MEMBER, UNKNOWN_INSTITUTE -> e.code().name();
      default -> ErrorCode.VALIDATION_FAILED.name();
    };
  }

  /** The reason of a rejection, naming the fields as the event names them ({@code data.}...). */
  private static String message(CmisException e, SyncEvent.Readable r) {
    return switch (e.code()) {
      case UNKNOWN_FIRM -> "事务所不存在：" + firmNamed(r);
      case UNKNOWN_MEMBER -> "会员不存在：" + r.entityNo();
      case UNKNOWN_INSTITUTE -> "协会不存在：" + instituteNamed(r);
      default ->
          e.errors().isEmpty()
              ? "提交的内容未通过校验"
              : e.errors().stream()
                  .map(f -> "data." + f.field() + "：" + f.message())
                  .collect(Collectors.joining("；"));
    };
  }

  private static String firmNamed(SyncEvent.Readable r) {
    return switch (r.kind()) {
      case MEMBER_UPSERT -> String.valueOf(r.member().firmNo());
      case MEMBER_TRANSFER -> r.transfer().toFirmNo();
      case FIRM_UPSERT -> r.firm().firmNo();
    };
  }

  private static String instituteNamed(SyncEvent.Readable r) {
    return switch (r.kind()) {
      case MEMBER_UPSERT ->
          r.member().instituteCode() == null ? "（事务所所属协会）" : r.member().instituteCode();
      case FIRM_UPSERT -> r.firm().instituteCode();
      case MEMBER_TRANSFER -> "（新事务所所属协会）";
    };
  }

  /** A deadlock or lock wait seen as an integrity error by some drivers: the batch must retry. */
  private static boolean transient_(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && Set.of("55P03", "40P01", "40001", "57014").contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Member number or firm number → the institute it belongs to now. */
  private Map<String, Set<String>> institutes(List<SyncEvent> events) {
    Set<String> members = new LinkedHashSet<>();
    Set<String> firms = new LinkedHashSet<>();
    for (SyncEvent e : events) {
      members.addAll(e.hints().memberNos());
      firms.addAll(e.hints().firmNos());
    }
    Map<String, Set<String>> found = new HashMap<>();
    if (!members.isEmpty()) {
      jdbc.sql(
              "select member_no, institute_code from member"
                  + " where member_no = any(cast(:nos as text[]))")
          .param("nos", members.toArray(String[]::new))
          .query(
              (rs, n) ->
                  found
                      .computeIfAbsent("m:" + rs.getString(1), k -> new LinkedHashSet<>())
                      .add(rs.getString(2)))
          .list();
    }
    if (!firms.isEmpty()) {
      jdbc.sql("select firm_no, institute_code from firm where firm_no = any(cast(:nos as text[]))")
          .param("nos", firms.toArray(String[]::new))
          .query(
              (rs, n) ->
                  found
                      .computeIfAbsent("f:" + rs.getString(1), k -> new LinkedHashSet<>())
                      .add(rs.getString(2)))
          .list();
    }
    return found;
  }

  private void log(
      long batchId,
      List<SyncEvent> events,
      Result[] results,
      Map<String, Set<String>> before,
      Map<String, Set<String>> after) {
    int n = events.size();
    Integer[] seq = new Integer[n];
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] entities = new String[n];
    Long[] versions = new Long[n];
    String[] outcomes = new String[n];
    String[] codes = new String[n];
    String[] messages = new String[n];
    String[] institutes = new String[n];
    for (int i = 0; i < n; i++) {
      SyncEvent e = events.get(i);
      seq[i] = e.seq();
      ids[i] = e.eventId();
      types[i] = e.type();
      entities[i] = e.entityNo();
      versions[i] = e instanceof SyncEvent.Readable r ? r.version() : null;
      outcomes[i] = results[i].outcome().name();
      codes[i] = results[i].code();
      String message = results[i].message();
      messages[i] =
          message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
      Set<String> of = new LinkedHashSet<>(e.hints().instituteCodes());
      for (String m : e.hints().memberNos()) {
        of.addAll(before.getOrDefault("m:" + m, Set.of()));
        of.addAll(after.getOrDefault("m:" + m, Set.of()));
      }
      for (String f : e.hints().firmNos()) {
        of.addAll(before.getOrDefault("f:" + f, Set.of()));
        of.addAll(after.getOrDefault("f:" + f, Set.of()));
      }
      institutes[i] = of.stream().filter(c -> !c.contains(",")).collect(Collectors.joining(","));
    }
    jdbc.sql(
            "insert into supervision_event_log (batch_id, seq, event_id, type, entity_no, version,"
                + " outcome, code, message, institutes)"
                + " select :batch, s, i, t, en, v, o, c, m,"
                + " case when inst = '' then '{}'::varchar[] else string_to_array(inst, ',') end"
                + " from unnest(cast(:seq as int[]), cast(:ids as text[]), cast(:types as text[]),"
                + " cast(:entities as text[]), cast(:versions as bigint[]),"
                + " cast(:outcomes as text[]), cast(:codes as text[]), cast(:messages as text[]),"
                + " cast(:institutes as text[])) as x (s, i, t, en, v, o, c, m, inst)")
        .param("batch", batchId)
        .param("seq", seq)
        .param("ids", ids)
        .param("types", types)
        .param("entities", entities)
        .param("versions", versions)
        .param("outcomes", outcomes)
        .param("codes", codes)
        .param("messages", messages)
        .param("institutes", institutes)
        .update();
  }

  /** For tests and the log: field errors of a whole request (1 to 1000 events). */
  static CmisException countRefusal() {
    return CmisException.validation(List.of(new FieldError("events", "应有 1 到 1000 个事件")));
  }
}
