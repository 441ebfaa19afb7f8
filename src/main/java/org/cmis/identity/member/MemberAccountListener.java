package org.cmis.identity.member;

import org.cmis.identity.token.ApiTokenService;
import org.cmis.membership.MemberChanged;
import org.cmis.shared.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Keeps a member's account in step with the member, in the changing transaction (a plain listener:
 * the change and its account commit or roll back together, a sync event's savepoint included): the
 * account's contact (where its password-reset and notices go), name, firm and institute are the
 * member's; a member made inactive cannot sign in (its account is disabled, its API tokens stop at
 * once, ADR 0010, and its sessions end), one made active again can.
 */
@Component
class MemberAccountListener {

  private final JdbcClient jdbc;
  private final ApiTokenService tokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  MemberAccountListener(
      JdbcClient jdbc,
      ApiTokenService tokens,
      FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.sessions = sessions;
  }

  @EventListener
  void on(MemberChanged changed) {
    var disabled =
        jdbc.sql(
                "update account set mobile = :mobile, email = :email, display_name = :name,"
                    + " firm_no = :firm, institute_code = :institute, enabled = :active"
                    // a member signs in with its number: the unique (login_type, account) index
                    + " where login_type = 'MEMBER' and account = :no and member_no = :no"
                    + " and (mobile, email, display_name, firm_no, institute_code, enabled)"
                    + " is distinct from (:mobile, :email, :name, :firm, :institute, :active)"
                    + " returning id, enabled")
            .param("mobile", changed.mobile())
            .param("email", changed.email())
            .param("name", cut(changed.name(), 100))
            .param("firm", changed.firmNo())
            .param("institute", changed.instituteCode())
            .param("active", changed.active())
            .param("no", changed.memberNo())
            .query((rs, n) -> new Changed(rs.getLong("id"), rs.getBoolean("enabled")))
            .list();
    for (Changed account : disabled) {
      if (!account.enabled()) {
        tokens.revokeAll(account.id());
        sessions
            .findByPrincipalName(CurrentUser.principalName(account.id()))
            .keySet()
            .forEach(sessions::deleteById);
      }
    }
  }

  private record Changed(long id, boolean enabled) {}

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
