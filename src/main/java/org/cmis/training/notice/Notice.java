package org.cmis.training.notice;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A training notice (培训通知) as stored: its body is Markdown. */
public record Notice(
    long id,
    String instituteCode,
    String instituteName,
    String title,
    String body,
    LocalDate publishDate,
    @Nullable LocalDate expiryDate,
    int attachmentCount) {

  /** Whether members and firms see it on the given day. */
  public boolean visibleOn(LocalDate today) {
    return !today.isBefore(publishDate) && (expiryDate == null || !today.isAfter(expiryDate));
  }

  /** 未发布 / 已发布 / 已过期 on the given day. */
  public State stateOn(LocalDate today) {
    if (today.isBefore(publishDate)) {
      return State.SCHEDULED;
    }
    return visibleOn(today) ? State.PUBLISHED : State.EXPIRED;
  }

  /** Where a notice stands on a day. */
  public enum State {
    SCHEDULED,
    PUBLISHED,
    EXPIRED
  }
}
