package org.cmis.training.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.BusinessTime;
import org.cmis.training.TrainingFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff home's figures in a few aggregate queries on the class and registration rows. */
@Service
class JdbcTrainingFigures implements TrainingFigures {

  private static final String OPEN =
      "c.published and not c.cancelled and c.registration_start <= :today"
          + " and c.registration_end >= :today";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcTrainingFigures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public long openClassCount(@Nullable String instituteCode) {
    return jdbc.sql("select count(*) from training_class c where " + OPEN + scope(instituteCode))
        .param("today", today())
        .params(params(instituteCode))
        .query(Long.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ClassFill> openClasses(@Nullable String instituteCode, int count) {
    return jdbc.sql(
            "select c.id, c.name, c.registration_end, c.capacity, c.max_registrations,"
                + " c.registered_count, c.confirmed_count,"
                + " (select count(*) from registration r where r.class_id = c.id"
                + " and r.status = 'PENDING') as pending"
                + " from training_class c where "
                + OPEN
                + scope(instituteCode)
                + " order by c.registration_end, c.id limit :count")
        .param("today", today())
        .param("count", count)
        .params(params(instituteCode))
        .query(
            (rs, n) ->
                new ClassFill(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getObject("registration_end", LocalDate.class),
                    rs.getInt("capacity"),
                    rs.getInt("max_registrations"),
                    rs.getInt("registered_count"),
                    rs.getInt("confirmed_count"),
                    rs.getLong("pending")))
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public long pendingConfirmations(@Nullable String instituteCode) {
    return jdbc.sql(
            "select count(*) from registration r join training_class c on c.id = r.class_id"
                + " where r.status = 'PENDING' and not c.cancelled"
                + scope(instituteCode))
        .params(params(instituteCode))
        .query(Long.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<LocalDate, Long> registrationsPerDay(
      @Nullable String instituteCode, LocalDate from, LocalDate to) {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.put(d, 0L);
    }
    jdbc.sql(
            "select cast(r.registered_at at time zone '"
                + BusinessTime.ZONE_ID
                + "' as date) as day, count(*) as n"
                + " from registration r join training_class c on c.id = r.class_id"
                + " where r.registered_at >= cast(cast(:from as date) as timestamp) at time zone '"
                + BusinessTime.ZONE_ID
                + "' and r.registered_at < cast(cast(:to as date) + 1 as timestamp) at time zone '"
                + BusinessTime.ZONE_ID
                + "'"
                + scope(instituteCode)
                + " group by 1")
        .param("from", from)
        .param("to", to)
        .params(params(instituteCode))
        .query((rs, n) -> days.put(rs.getObject("day", LocalDate.class), rs.getLong("n")))
        .list();
    return days;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(BusinessTime.ZONE));
  }

  private static String scope(@Nullable String instituteCode) {
    return instituteCode == null ? "" : " and c.institute_code = :institute";
  }

  private static Map<String, Object> params(@Nullable String instituteCode) {
    return instituteCode == null ? Map.of() : Map.of("institute", instituteCode);
  }
}
