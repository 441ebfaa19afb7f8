package org.cmis.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Finds the enabled account of a member or a firm, for the modules that tell people things. */
@Service
@NamedInterface("contacts")
public class AccountContacts {

  private final JdbcClient jdbc;

  AccountContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The enabled account a member signs in with. */
  public Optional<AccountContact> ofMember(String memberNo) {
    return find(LoginType.MEMBER, "member_no", memberNo);
  }

  /** The enabled account a firm signs in with. */
  public Optional<AccountContact> ofFirm(String firmNo) {
    return find(LoginType.FIRM, "firm_no", firmNo);
  }

  private Optional<AccountContact> find(LoginType type, String column, String value) {
    return jdbc.sql(
            "select id, email from account where login_type = :type and "
                + column
                + " = :value and enabled order by id limit 1")
        .param("type", type.name())
        .param("value", value)
        .query((rs, n) -> new AccountContact(rs.getLong("id"), rs.getString("email")))
        .optional();
  }
}
