/** Internal to membership: member queries and their API. */
@NullMarked
package org.cmis.membership.member;

import org.jspecify.annotations.NullMarked;
