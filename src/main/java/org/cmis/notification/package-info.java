/**
 * The in-app message centre and email (F4.9): {@link org.cmis.notification.Notifications} tells an
 * account what its caller worded. Depends on shared only; the modules that tell people things
 * depend on it, never the other way round.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.cmis.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
