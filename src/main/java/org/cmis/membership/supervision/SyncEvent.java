package org.cmis.membership.supervision;

import java.util.ArrayList;
import java.util.List;
import org.cmis.membership.FirmData;
import org.cmis.membership.MemberData;
import org.jspecify.annotations.Nullable;

/**
 * One event of a sync batch as read from its JSON: either readable ({@link Readable}, its {@code
 * data} in the record of its type) or not ({@link Unreadable}: rejected as VALIDATION_FAILED with
 * the reasons). {@code seq} is its place in the batch (0-based).
 */
sealed interface SyncEvent {

  int seq();

  @Nullable String eventId();

  @Nullable String type();

  /** The member's or firm's number the event is about, when known. */
  @Nullable String entityNo();

  /** Member and firm numbers and institute codes it names, to tell which institutes it concerns. */
  Hints hints();

  /** The types of API.md. */
  enum Type {
    MEMBER_UPSERT,
    FIRM_UPSERT,
    MEMBER_TRANSFER
  }

  /** MEMBER_TRANSFER's data. */
  record Transfer(String memberNo, @Nullable String fromFirmNo, String toFirmNo) {}

  /** What an event names, for the sync log's institutes. */
  record Hints(List<String> memberNos, List<String> firmNos, List<String> instituteCodes) {

    static Hints of(
        @Nullable String memberNo, List<@Nullable String> firmNos, @Nullable String institute) {
      List<String> firms = new ArrayList<>();
      for (String f : firmNos) {
        if (f != null && !f.isEmpty() && f.length() <= 20) {
          firms.add(f);
        }
      }
      return new Hints(
          memberNo == null || memberNo.length() > 20 ? List.of() : List.of(memberNo),
          firms,
          institute == null || institute.isEmpty() || institute.length() > 10
              ? List.of()
              : List.of(institute));
    }
  }

  record Readable(
      int seq, String eventId, Type kind, long version, Object data, String entityNo, Hints hints)
      implements SyncEvent {

    @Override
    public String type() {
      return kind.name();
    }

    MemberData member() {
      return (MemberData) data;
    }

    FirmData firm() {
      return (FirmData) data;
    }

    Transfer transfer() {
      return (Transfer) data;
    }

    /** Firms before members (a firm created in the batch is there for its people), then by key. */
    int order() {
      return kind == Type.FIRM_UPSERT ? 0 : 1;
    }
  }

  record Unreadable(
      int seq,
      @Nullable String eventId,
      @Nullable String type,
      @Nullable String entityNo,
      String message,
      Hints hints)
      implements SyncEvent {}
}
