/** Internal to identity. */
@NullMarked
package org.cmis.identity.account;

import org.jspecify.annotations.NullMarked;
