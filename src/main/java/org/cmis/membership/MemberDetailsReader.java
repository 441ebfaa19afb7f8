package org.cmis.membership;

import java.time.LocalDate;
import java.util.Optional;
import org.cmis.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One member's every F2.1 field, read at the moment it is asked for (no copy kept anywhere, so a
 * change shows on every screen at once). It does not check who asks: callers decide whether the
 * caller may see the member first.
 */
@Service
public class MemberDetailsReader {

  private final JdbcClient jdbc;

  MemberDetailsReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<MemberDetails> details(String memberNo) {
    return jdbc.sql(
            "select m.member_no, m.name, m.gender, m.birth_date, m.id_number, m.category,"
                + " f.firm_no, f.name as firm_name, m.institute_code, i.name as institute_name,"
                + " m.position, m.partner, m.active, m.mobile, m.email, m.address"
                + " from member m left join firm f on f.id = m.firm_id"
                + " join institute i on i.code = m.institute_code where m.member_no = :no")
        .param("no", memberNo)
        .query(
            (rs, row) -> {
              String idNumber = rs.getString("id_number");
              return new MemberDetails(
                  rs.getString("member_no"),
                  rs.getString("name"),
                  rs.getString("gender"),
                  rs.getObject("birth_date", LocalDate.class),
                  idNumber == null || idNumber.isEmpty() ? null : IdNumber.mask(idNumber),
                  MemberCategory.valueOf(rs.getString("category")),
                  rs.getString("firm_no"),
                  rs.getString("firm_name"),
                  rs.getString("institute_code"),
                  rs.getString("institute_name"),
                  rs.getString("position"),
                  rs.getBoolean("partner"),
                  rs.getBoolean("active"),
                  rs.getString("mobile"),
                  rs.getString("email"),
                  rs.getString("address"));
            })
        .optional();
  }
}
