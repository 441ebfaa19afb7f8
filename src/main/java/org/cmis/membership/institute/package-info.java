/** Internal to membership: 协会管理, the institutes' support contacts for admin (F6.1, F1.6). */
@NullMarked
package org.cmis.membership.institute;

import org.jspecify.annotations.NullMarked;
