/**
 * Internal to membership: the firm's roster (F2.5, 人员管理): its practising CPAs as the platform sends
 * them (read-only) and its 从业人员, which the firm adds, edits and deactivates itself through {@link
 * org.cmis.membership.MemberChanges}; its page and its API (ADR 0028).
 */
@NullMarked
package org.cmis.membership.roster;

import org.jspecify.annotations.NullMarked;
