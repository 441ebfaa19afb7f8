/**
 * The database: the embedded PostgreSQL started when no external one is configured. Depends on no
 * other module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package org.cmis.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
