/**
 * The page shell: layout, navigation, home pages, language, and error answers. The one module that
 * may depend on every other module's API.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "membership",
      "identity",
      "notification",
      "training",
      "training :: *",
      "credits",
      "audit",
      "settings"
    })
package org.cmis.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
