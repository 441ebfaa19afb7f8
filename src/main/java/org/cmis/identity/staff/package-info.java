/** Internal to identity: staff accounts per institute for admin, and the staff roles (F6.1). */
@NullMarked
package org.cmis.identity.staff;

import org.jspecify.annotations.NullMarked;
