/** Internal to identity. */
@NullMarked
package org.cmis.identity.signin;

import org.jspecify.annotations.NullMarked;
