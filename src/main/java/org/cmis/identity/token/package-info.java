/** Internal to identity. */
@NullMarked
package org.cmis.identity.token;

import org.jspecify.annotations.NullMarked;
