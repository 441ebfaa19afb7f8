/**
 * Hours (F5.2, F5.4, F5.5, F5.6, F5.7, F5.8): the append-only hours ledger, the compliance rules,
 * the members' statements, the hours certificates, the output-based claims (claim) and the import
 * of external hours (external). Depends on shared, membership (who a member is, its firm and
 * institute), training (the attendance event, and the open classes a short member may still take),
 * notification and identity's contacts (whom the reminders tell); nothing depends on it but web.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "membership",
      "training",
      "notification",
      "identity :: contacts"
    })
package org.cmis.credits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
