/**
 * Value types shared by every module: identifiers, contact data, validation, web helpers. An open
 * module (every sub-package is visible) that depends on no other module.
 */
@NullMarked
@ApplicationModule(
    type = ApplicationModule.Type.OPEN,
    allowedDependencies = {})
package org.cmis.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
