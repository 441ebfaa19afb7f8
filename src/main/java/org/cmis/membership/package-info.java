/**
 * Institutes, firms and members (F2): the registry the other modules ask about people, firms and
 * institutes through the facades of this package. Depends on shared and settings (the supervision
 * platform's link and secret).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "settings"})
package org.cmis.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
