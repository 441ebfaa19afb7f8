/**
 * Internal to membership: the supervision-platform sync (F2.4, API.md "Supervision-platform sync",
 * ADR 0026): the signed endpoint, the application of its events through {@link
 * org.cmis.membership.MemberChanges}, and the sync log pages for staff and admin.
 */
@NullMarked
package org.cmis.membership.supervision;

import org.jspecify.annotations.NullMarked;
