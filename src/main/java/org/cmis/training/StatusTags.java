package org.cmis.training;

import org.cmis.training.notice.Notice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The colour of each status tag (PRODUCT.md, Look and feel): the one place it is decided, used by
 * the fragments of {@code fragments/tags.html} as {@code @statusTags}.
 */
@Component("statusTags")
public class StatusTags {

  /** The tag class of a class status. */
  public String classStatus(ClassStatus status) {
    return switch (status) {
      case OPEN -> "tag-green";
      case NOT_OPEN, IN_PROGRESS -> "tag-blue";
      case CLOSED, DRAFT -> "tag-amber";
      case FINISHED -> "tag-grey";
      case CANCELLED -> "tag-red";
    };
  }

  /** The tag class of a registration status: 待确认 amber, 已确认 green, ... */
  public String registration(@Nullable RegistrationStatus status) {
    if (status == null) {
      return "tag-grey";
    }
    return switch (status) {
      case PENDING -> "tag-amber";
      case CONFIRMED -> "tag-green";
      case REJECTED -> "tag-red";
      case CANCELLED -> "tag-grey";
      case WAITLISTED -> "tag-blue";
    };
  }

  /** The tag class of a notice's state: published green, scheduled blue, expired grey. */
  public String notice(Notice.State state) {
    return switch (state) {
      case PUBLISHED -> "tag-green";
      case SCHEDULED -> "tag-blue";
      case EXPIRED -> "tag-grey";
    };
  }
}
