package org.cmis.training.registration;

import org.cmis.membership.MemberChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's registrations follow it (ADR 0025), in the changing transaction: when it moves to
 * another firm (or leaves its firm, a non-practising member) each of its registrations gets the new
 * firm as {@code firm_no} (that firm sees and acts on them from the move on) and keeps the firm it
 * was made in as {@code registering_firm_no} (that firm keeps a read-only view). A changed name is
 * the registrations' too; the contact a registration was made with stays its own.
 */
@Component
class MemberMoves {

  private final JdbcClient jdbc;

  MemberMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(MemberChanged changed) {
    if (changed.fields().contains("firmNo")) {
      jdbc.sql(
              "update registration set registering_firm_no = coalesce(registering_firm_no, firm_no),"
                  + " firm_no = :firm where member_no = :no and firm_no is distinct from :firm")
          .param("firm", changed.firmNo())
          .param("no", changed.memberNo())
          .update();
    }
    if (changed.fields().contains("name")) {
      jdbc.sql("update registration set name = :name where member_no = :no and name <> :name")
          .param("name", changed.name())
          .param("no", changed.memberNo())
          .update();
    }
  }
}
