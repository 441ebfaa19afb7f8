package org.cmis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cmis.shared.IdNumber;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every demo person, as loaded into the database (F2.1): a gender, a birth date, and a valid
 * 18-character ID number with that birth date inside and the gender in its sequence digit.
 */
@IntegrationTest
class DemoPeopleIdentityTest {

  @Autowired JdbcClient jdbc;

  record Person(String memberNo, String gender, LocalDate birthDate, String idNumber) {}

  @Test
  void everyDemoPersonHasGenderBirthDateAndAValidIdNumber() {
    List<String> numbers =
        DemoDataGenerator.generate().members().stream().map(DemoDataSet.Member::memberNo).toList();
    List<Person> people =
        jdbc.sql(
                "select member_no, gender, birth_date, id_number from member"
                    + " where member_no in (:nos)")
            .param("nos", numbers)
            .query(Person.class)
            .list();
    assertThat(people).hasSize(numbers.size());
    assertThat(people)
        .allSatisfy(
            p -> {
              assertThat(p.gender()).isIn("M", "F");
              assertThat(p.birthDate()).isNotNull();
              assertThat(IdNumber.isValid(p.idNumber())).as(p.memberNo()).isTrue();
              assertThat(p.idNumber().substring(6, 14))
                  .isEqualTo(p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
              assertThat((p.idNumber().charAt(16) - '0') % 2 == 1)
                  .isEqualTo(p.gender().equals("M"));
            });
  }
}
