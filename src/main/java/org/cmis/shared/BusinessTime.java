package org.cmis.shared;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The business time zone (Asia/Shanghai): every calendar date and every time shown is in it. Code
 * takes the one {@link Clock} bean (in this zone, replaced by tests); the zone itself is for
 * turning stored instants into local times.
 */
public final class BusinessTime {

  /** The zone's id, for annotations that need a constant (e.g. {@code @Scheduled(zone = ...)}). */
  public static final String ZONE_ID = "Asia/Shanghai";

  /** The business time zone. */
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private BusinessTime() {}

  /** The system clock in the business time zone: the application's one clock. */
  public static Clock systemClock() {
    return Clock.system(ZONE);
  }
}
