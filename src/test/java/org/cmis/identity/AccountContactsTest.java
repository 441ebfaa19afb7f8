package org.cmis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cmis.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contact lookups of every notification (two per registration) read an index, also in the
 * generic plan a prepared statement ends up with: without it each lookup read the whole account
 * table (docs/PERFORMANCE.md, session 9).
 */
@IntegrationTest
class AccountContactsTest {

  @Autowired AccountContacts contacts;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void findsTheDemoMemberAndFirm() {
    assertThat(contacts.ofMember("440300010001")).isPresent();
    assertThat(contacts.ofFirm("44030001")).isPresent();
    assertThat(contacts.ofMember("000000000000")).isEmpty();
  }

  @Test
  void theGenericPlansOfBothLookupsUseTheContactIndexes() {
    assertThat(genericPlan("member_no", "MEMBER", "440300010001"))
        .contains("account_member_contact_idx")
        .doesNotContain("Seq Scan")
        .doesNotContain("account_pkey");
    assertThat(genericPlan("firm_no", "FIRM", "44030001"))
        .contains("account_firm_contact_idx")
        .doesNotContain("Seq Scan")
        .doesNotContain("account_pkey");
  }

  private String genericPlan(String column, String type, String value) {
    return new TransactionTemplate(transactions)
        .execute(
            s -> {
              jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
              jdbc.sql("set local enable_seqscan = on").update();
              jdbc.sql("analyze account").update();
              jdbc.sql(
                      "prepare contact_plan(text, text) as select id, email from account"
                          + " where login_type = $1 and "
                          + column
                          + " = $2 and enabled order by id limit 1")
                  .update();
              try {
                List<String> lines =
                    jdbc.sql("explain execute contact_plan('" + type + "', '" + value + "')")
                        .query(String.class)
                        .list();
                return String.join("\n", lines);
              } finally {
                jdbc.sql("deallocate contact_plan").update();
              }
            });
  }
}
