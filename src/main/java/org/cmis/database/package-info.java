/** The database: the embedded PostgreSQL started when no external one is configured. */
@NullMarked
package org.cmis.database;

import org.jspecify.annotations.NullMarked;
