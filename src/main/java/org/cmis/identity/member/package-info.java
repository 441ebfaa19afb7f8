/** Internal to identity: a member's account kept in step with the member (membership's events). */
@NullMarked
package org.cmis.identity.member;

import org.jspecify.annotations.NullMarked;
