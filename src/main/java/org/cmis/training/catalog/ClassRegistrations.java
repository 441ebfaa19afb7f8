package org.cmis.training.catalog;

import java.util.List;
import org.cmis.shared.CurrentUser;
import org.cmis.training.Reason;
import org.cmis.training.Registrant;

/**
 * What a change of a class does to its registrations, owned by the catalog and implemented by
 * registration. Every call runs in the caller's transaction while it holds the class row lock, so
 * the change and its registrations' consequences commit together (ADR 0007, 0009).
 */
public interface ClassRegistrations {

  /**
   * Cancels every live registration of a class being cancelled, with the class's reason; answers
   * them (registration order) for the class's own event, which tells their people.
   */
  List<Registrant> cancelAll(CurrentUser staff, TrainingClass c, Reason reason);

  /**
   * Gives the places a changed class has (raised places, a switch to AUTO) to those waiting and
   * writes its counters; {@code updated} is the class as it now is, still locked.
   */
  void fill(CurrentUser staff, TrainingClass updated);

  /** The live registrations of a class, in registration order. */
  List<Registrant> live(long classId);
}
