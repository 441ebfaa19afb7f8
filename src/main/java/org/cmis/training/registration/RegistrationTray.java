package org.cmis.training.registration;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmis.shared.Email;
import org.cmis.shared.Mobile;
import org.jspecify.annotations.Nullable;

/**
 * The people a firm has ticked for a class's bulk registration (F4.2), kept in the HTTP session
 * (stored in PostgreSQL, hence serializable) so that ticks survive paging and searching, with or
 * without JavaScript. Keyed by class id; in ticking order.
 */
final class RegistrationTray implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String SESSION_KEY = RegistrationTray.class.getName();

  /** One ticked person with the contact data to send for this registration. */
  record Pick(String memberNo, String name, String mobile, String email) implements Serializable {

    public boolean mobileValid() {
      return Mobile.isValid(mobile);
    }

    public boolean emailValid() {
      return Email.isValid(email);
    }

    public boolean valid() {
      return mobileValid() && emailValid();
    }
  }

  private final Map<Long, LinkedHashMap<String, Pick>> byClass = new HashMap<>();

  /** The session's tray, a new empty one when it has none. */
  static RegistrationTray of(HttpSession session) {
    return session.getAttribute(SESSION_KEY) instanceof RegistrationTray tray
        ? tray
        : new RegistrationTray();
  }

  /** Stores the tray again: the session store saves only attributes that were set. */
  void save(HttpSession session) {
    session.setAttribute(SESSION_KEY, this);
  }

  List<Pick> picks(long classId) {
    LinkedHashMap<String, Pick> picks = byClass.get(classId);
    return picks == null ? List.of() : new ArrayList<>(picks.values());
  }

  @Nullable Pick pick(long classId, String memberNo) {
    LinkedHashMap<String, Pick> picks = byClass.get(classId);
    return picks == null ? null : picks.get(memberNo);
  }

  boolean contains(long classId, String memberNo) {
    return pick(classId, memberNo) != null;
  }

  int size(long classId) {
    LinkedHashMap<String, Pick> picks = byClass.get(classId);
    return picks == null ? 0 : picks.size();
  }

  /** Adds or updates a person; answers false when the tray is full and the person is new. */
  boolean put(long classId, Pick pick) {
    LinkedHashMap<String, Pick> picks =
        byClass.computeIfAbsent(classId, k -> new LinkedHashMap<>());
    if (!picks.containsKey(pick.memberNo()) && picks.size() >= RegistrationService.MAX_PEOPLE) {
      return false;
    }
    picks.put(pick.memberNo(), pick);
    return true;
  }

  void remove(long classId, String memberNo) {
    LinkedHashMap<String, Pick> picks = byClass.get(classId);
    if (picks != null) {
      picks.remove(memberNo);
      if (picks.isEmpty()) {
        byClass.remove(classId);
      }
    }
  }

  void clear(long classId) {
    byClass.remove(classId);
  }
}
