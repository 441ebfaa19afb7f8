/** Internal to identity. */
@NullMarked
package org.cmis.identity.password;

import org.jspecify.annotations.NullMarked;
