package org.cmis.membership.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cmis.membership.FirmData;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberData;
import org.cmis.shared.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event of a batch leniently: a missing field, a wrong type or an unreadable value makes
 * the event {@link SyncEvent.Unreadable} with every reason found (field names as in API.md, {@code
 * data.} before the fields of {@code data}); the request as a whole stays readable. Fields of
 * {@code data} it does not know are ignored. The field rules themselves (formats, lengths) are
 * MemberChanges' (MemberDataCheck), checked when the event is applied.
 */
final class EventReader {

  static final int MAX_EVENT_ID_LENGTH = 100;

  private final JsonNode event;
  private final List<FieldError> errors = new ArrayList<>();

  private EventReader(JsonNode event) {
    this.event = event;
  }

  static SyncEvent read(JsonNode event, int seq) {
    return new EventReader(event).read(seq);
  }

  private SyncEvent read(int seq) {
    if (!event.isObject()) {
      return new SyncEvent.Unreadable(
          seq, null, null, null, "事件应为 JSON 对象", SyncEvent.Hints.of(null, List.of(), null));
    }
    String eventId = text(event, "eventId", "eventId", true);
    if (eventId != null
        && (eventId.isEmpty()
            || eventId.codePointCount(0, eventId.length()) > MAX_EVENT_ID_LENGTH)) {
      errors.add(new FieldError("eventId", "应为 1 到 100 个字符"));
    }
    String typeText = text(event, "type", "type", true);
    SyncEvent.Type type = null;
    if (typeText != null) {
      type = enumValue(SyncEvent.Type.class, typeText);
      if (type == null) {
        errors.add(new FieldError("type", "应为 MEMBER_UPSERT、FIRM_UPSERT 或 MEMBER_TRANSFER"));
      }
    }
    Long version = version();
    occurredAt();
    JsonNode data = event.get("data");
    Object read = null;
    String entityNo = null;
    SyncEvent.Hints hints = SyncEvent.Hints.of(null, List.of(), null);
    if (data == null || data.isNull()) {
      errors.add(new FieldError("data", "必填"));
    } else if (!data.isObject()) {
      errors.add(new FieldError("data", "应为 JSON 对象"));
    } else if (type != null) {
      switch (type) {
        case MEMBER_UPSERT -> {
          MemberData m = member(data);
          read = m;
          entityNo = peek(data, "memberNo");
          hints =
              SyncEvent.Hints.of(
                  entityNo, Arrays.asList(peek(data, "firmNo")), peek(data, "instituteCode"));
        }
        case FIRM_UPSERT -> {
          FirmData f = firm(data);
          read = f;
          entityNo = peek(data, "firmNo");
          hints = SyncEvent.Hints.of(null, Arrays.asList(entityNo), peek(data, "instituteCode"));
        }
        case MEMBER_TRANSFER -> {
          SyncEvent.Transfer t = transfer(data);
          read = t;
          entityNo = peek(data, "memberNo");
          hints =
              SyncEvent.Hints.of(
                  entityNo, Arrays.asList(peek(data, "fromFirmNo"), peek(data, "toFirmNo")), null);
        }
      }
    } else {
      String member = peek(data, "memberNo");
      entityNo = member != null ? member : peek(data, "firmNo");
    }
    if (entityNo != null && entityNo.length() > 20) {
      entityNo = entityNo.substring(0, 20);
    }
    String loggedId =
        eventId == null
            ? null
            : eventId.length() > MAX_EVENT_ID_LENGTH
                ? eventId.substring(0, MAX_EVENT_ID_LENGTH)
                : eventId;
    if (!errors.isEmpty() || read == null || version == null) {
      return new SyncEvent.Unreadable(
          seq, loggedId, typeText == null ? null : cut(typeText, 20), entityNo, message(), hints);
    }
    return new SyncEvent.Readable(
        seq, eventId, type, version, read, entityNo == null ? "" : entityNo, hints);
  }

  private MemberData member(JsonNode d) {
    String memberNo = text(d, "memberNo", "data.memberNo", true);
    String name = text(d, "name", "data.name", true);
    String gender = text(d, "gender", "data.gender", true);
    LocalDate birthDate = date(d, "birthDate", "data.birthDate");
    String idNumber = text(d, "idNumber", "data.idNumber", false);
    String categoryText = text(d, "category", "data.category", true);
    MemberCategory category = null;
    if (categoryText != null) {
      category = enumValue(MemberCategory.class, categoryText);
      if (category == null) {
        errors.add(
            new FieldError("data.category", "应为 PRACTISING_CPA、NON_PRACTISING 或 PRACTITIONER"));
      }
    }
    String firmNo = text(d, "firmNo", "data.firmNo", false);
    String instituteCode = text(d, "instituteCode", "data.instituteCode", false);
    String position = text(d, "position", "data.position", false);
    String mobile = text(d, "mobile", "data.mobile", false);
    String email = text(d, "email", "data.email", false);
    Boolean partner = bool(d, "partner", "data.partner");
    Boolean active = bool(d, "active", "data.active");
    if (memberNo == null || name == null || gender == null || category == null) {
      return null;
    }
    return new MemberData(
        memberNo,
        name,
        gender,
        birthDate,
        idNumber,
        category,
        firmNo == null || firmNo.isEmpty() ? null : firmNo,
        instituteCode == null || instituteCode.isEmpty() ? null : instituteCode,
        position,
        mobile,
        email,
        partner,
        active);
  }

  private FirmData firm(JsonNode d) {
    String firmNo = text(d, "firmNo", "data.firmNo", true);
    String name = text(d, "name", "data.name", true);
    String creditCode = text(d, "creditCode", "data.creditCode", false);
    String instituteCode = text(d, "instituteCode", "data.instituteCode", true);
    if (firmNo == null || name == null || instituteCode == null) {
      return null;
    }
    return new FirmData(firmNo, name, creditCode, instituteCode);
  }

  private SyncEvent.Transfer transfer(JsonNode d) {
    String memberNo = text(d, "memberNo", "data.memberNo", true);
    String from = text(d, "fromFirmNo", "data.fromFirmNo", false);
    String to = text(d, "toFirmNo", "data.toFirmNo", true);
    if (memberNo == null || to == null) {
      return null;
    }
    return new SyncEvent.Transfer(memberNo, from == null || from.isEmpty() ? null : from, to);
  }

  /** A text field; null when absent or null (an error when required) or of another type. */
  private @Nullable String text(JsonNode node, String name, String field, boolean required) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError(field, "必填"));
      }
      return null;
    }
    if (!value.isString()) {
      errors.add(new FieldError(field, "应为文本"));
      return null;
    }
    String text = value.stringValue();
    if (!acceptable(text)) {
      errors.add(new FieldError(field, "含有不允许的字符"));
      return null;
    }
    if (required && text.isEmpty()) {
      errors.add(new FieldError(field, "必填"));
      return null;
    }
    return text;
  }

  private @Nullable LocalDate date(JsonNode node, String name, String field) {
    String text = text(node, name, field, false);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() != 10) {
        throw new DateTimeParseException("length", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "应为 yyyy-MM-dd 格式的日期"));
      return null;
    }
  }

  private @Nullable Boolean bool(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      errors.add(new FieldError(field, "应为 true 或 false"));
      return null;
    }
    return value.booleanValue();
  }

  private @Nullable Long version() {
    JsonNode value = event.get("version");
    if (value == null || value.isNull()) {
      errors.add(new FieldError("version", "必填"));
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
      errors.add(new FieldError("version", "应为正整数（64 位）"));
      return null;
    }
    return value.longValue();
  }

  private void occurredAt() {
    JsonNode value = event.get("occurredAt");
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isString()) {
      errors.add(new FieldError("occurredAt", "应为带时区的 ISO-8601 时间"));
      return;
    }
    try {
      OffsetDateTime.parse(value.stringValue());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("occurredAt", "应为带时区的 ISO-8601 时间"));
    }
  }

  /** A text field's value for the log, without judging it. */
  private static @Nullable String peek(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isString() && acceptable(value.stringValue())
        ? value.stringValue()
        : null;
  }

  private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    return null;
  }

  private String message() {
    return errors.stream()
        .map(e -> e.field() + "：" + e.message())
        .distinct()
        .collect(Collectors.joining("；"));
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** No NUL character and no lone surrogate (PostgreSQL refuses the one, garbles the other). */
  static boolean acceptable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
