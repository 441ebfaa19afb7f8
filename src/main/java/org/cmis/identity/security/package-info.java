/** Internal to identity. */
@NullMarked
package org.cmis.identity.security;

import org.jspecify.annotations.NullMarked;
