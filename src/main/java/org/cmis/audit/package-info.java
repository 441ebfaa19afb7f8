/**
 * The append-only audit log of every state change (F6.2), searchable by administrators. Depends on
 * shared only: the other modules publish {@code shared.AuditEvent}s, audit never calls them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.cmis.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
