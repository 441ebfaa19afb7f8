package org.cmis.credits;

import java.util.List;
import org.cmis.membership.MemberProfile;
import org.cmis.membership.MemberSummary;

/**
 * Members' statements for a training year, computed from the ledger's totals and the year's rules.
 * Callers check who may see them; this answers whatever it is asked.
 */
public interface HourStatements {

  /** One member's statement for the year, with its entries (date, then id order). */
  Statement statement(MemberProfile member, int year);

  /** The statements of many members for the year, without entries, in the order given. */
  List<Statement> statements(List<MemberSummary> members, int year);
}
