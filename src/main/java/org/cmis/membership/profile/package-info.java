/**
 * Internal to membership: a member's personal information (F2.1, F2.3) — the 个人信息 page, the
 * read-only view of a member for its firm, staff of its institute and admin, and {@code GET|PATCH
 * /api/v1/members/{memberNo}} with its history (ADR 0027).
 */
@NullMarked
package org.cmis.membership.profile;

import org.jspecify.annotations.NullMarked;
