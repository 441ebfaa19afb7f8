package org.cmis.notification;

import org.jspecify.annotations.Nullable;

/**
 * One message to one account: what it is about ({@code sourceKey}, e.g. {@code
 * registration:42:CONFIRMED}, at most 200 characters), its subject, its plain-text body and the
 * page it is about ({@code link}, a path of this site such as {@code /classes/42}, built by the
 * module that tells; none for a message about nothing one can open).
 */
public record Notification(String sourceKey, String subject, String body, @Nullable String link) {

  /** A message that links to nothing. */
  public Notification(String sourceKey, String subject, String body) {
    this(sourceKey, subject, body, null);
  }
}
