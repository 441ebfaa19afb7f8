/**
 * Settings an administrator changes at run time (F6.3): stored in PostgreSQL, read by every
 * instance, each change audited. A module keeps its configured value as the default and asks {@link
 * org.cmis.settings.Settings} whether an administrator stored another. Depends on shared and on
 * notification (the settings page's test mail goes through its mail sender).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "notification"})
package org.cmis.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
