/**
 * Internal to membership: the Excel import of members and of firms (F2.6, ADR 0029) for staff
 * (their institute's rows only) and administrators: a template, a row-by-row validation report
 * before anything is written, then every row through {@link org.cmis.membership.MemberChanges} in
 * one transaction (all or nothing), recorded in the history as an import by the staff account.
 */
@NullMarked
package org.cmis.membership.importing;

import org.jspecify.annotations.NullMarked;
