/**
 * The demo data set, loaded once on the embedded database (API.md, Demo data). Depends on shared
 * and on training's {@code ClassInput} (the one shape of a class's writable fields); its SQL writes
 * every module's tables, the one stated exception to "each module's SQL names only its own tables"
 * (docs/adr/0015-module-graph.md).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "training :: class-input"})
package org.cmis.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
