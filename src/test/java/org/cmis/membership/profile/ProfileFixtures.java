package org.cmis.membership.profile;

import java.util.concurrent.atomic.AtomicInteger;
import org.cmis.shared.IdNumber;
import org.cmis.support.TestFirms;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test firms of their own whose people carry an ID number, as the platform sends them. */
final class ProfileFixtures {

  private static final AtomicInteger sequence = new AtomicInteger(100);

  private ProfileFixtures() {}

  /** A firm of the institute with three CPAs (accounts) and ID numbers born 1985-06-15. */
  static TestFirms.Firm firm(TestFirms firms, JdbcClient jdbc, String institute) {
    TestFirms.Firm firm =
        firms.aFirm().inInstitute(institute).withCpas(3).withMemberAccounts().create();
    for (String no : firm.memberNos()) {
      jdbc.sql("update member set id_number = :id where member_no = :no")
          .param("id", idNumber())
          .param("no", no)
          .update();
    }
    return firm;
  }

  /** A valid ID number of someone born 1985-06-15 in 440305, unique in this run. */
  static String idNumber() {
    String first17 = "44030519850615" + "%03d".formatted(sequence.getAndIncrement() % 1000);
    return first17 + IdNumber.checkCharacter(first17);
  }

  static String idNumberOf(JdbcClient jdbc, String memberNo) {
    return jdbc.sql("select id_number from member where member_no = :no")
        .param("no", memberNo)
        .query(String.class)
        .single();
  }

  static long historyCount(JdbcClient jdbc, String memberNo) {
    return jdbc.sql(
            "select count(*) from member_history h join member m on m.id = h.member_id"
                + " where m.member_no = :no")
        .param("no", memberNo)
        .query(Long.class)
        .single();
  }
}
