/** Value types shared by every module: identifiers, contact data, validation. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cmis.shared;

import org.jspecify.annotations.NullMarked;
