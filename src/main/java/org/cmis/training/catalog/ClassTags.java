package org.cmis.training.catalog;

import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/** The colour of each status tag (PRODUCT.md, Look and feel), for the templates. */
final class ClassTags {

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
}
