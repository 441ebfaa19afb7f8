/**
 * Institutes, firms and members (F2): the registry the other modules ask about people, firms and
 * institutes through the facades of this package. Depends on shared only.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.cmis.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
