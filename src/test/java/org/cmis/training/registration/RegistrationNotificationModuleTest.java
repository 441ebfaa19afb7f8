package org.cmis.training.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.cmis.identity.AccountContact;
import org.cmis.identity.AccountContacts;
import org.cmis.notification.Notification;
import org.cmis.notification.Notifications;
import org.cmis.notification.Recipient;
import org.cmis.shared.web.MessageBundles;
import org.cmis.support.TestClasses;
import org.cmis.training.RegistrationConfirmed;
import org.cmis.training.RegistrationStatus;
import org.cmis.training.catalog.TrainingClass;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Registration → notification as a module test: training with the modules it depends on
 * (membership, identity, notification) and the demo data, without the web layer. Confirming a
 * registration publishes {@code RegistrationConfirmed}; training's listener words the message and
 * tells the member's account (at the registration's own address) and its firm's, once each.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "demo")
@ActiveProfiles("test")
@Import({TestClasses.class, RegistrationNotificationModuleTest.Texts.class})
class RegistrationNotificationModuleTest {

  private static final long WAIT = 15_000;

  @MockitoBean Notifications notifications;
  @Autowired RegistrationService registrations;
  @Autowired AccountContacts contacts;
  @Autowired TestClasses classes;

  /** Training's texts (the bundles of web's message source, which this test does not start). */
  @TestConfiguration
  static class Texts {
    @Bean
    MessageSource messageSource() {
      ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
      source.setBasenames(MessageBundles.BASENAMES);
      source.setDefaultEncoding("UTF-8");
      source.setFallbackToSystemLocale(false);
      return source;
    }
  }

  @Test
  void aConfirmationIsPublishedAndTellsTheMemberAndItsFirm(Scenario scenario) {
    when(notifications.tell(any(), any())).thenReturn(true);
    TrainingClass c = classes.open(10, 20, false, false);
    Registration r =
        registrations.registerSelf(TestClasses.member(19, 1), c.id(), null, null, false);
    AccountContact member = contacts.ofMember(r.memberNo()).orElseThrow();
    AccountContact firm = contacts.ofFirm(r.firmNo()).orElseThrow();
    String key = "registration:" + r.id() + ":CONFIRMED";

    scenario
        .stimulate(() -> registrations.confirm(TestClasses.SZ_STAFF, r.id()))
        .andWaitForEventOfType(RegistrationConfirmed.class)
        .matching(e -> e.classId() == c.id())
        .toArriveAndVerify(
            e ->
                assertThat(e.people())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.registrationId()).isEqualTo(r.id());
                          assertThat(p.memberNo()).isEqualTo(r.memberNo());
                          assertThat(p.status()).isEqualTo(RegistrationStatus.CONFIRMED);
                        }));

    verify(notifications, timeout(WAIT))
        .tell(eq(new Recipient(member.accountId(), r.email())), argThat(n -> about(n, key, c)));
    verify(notifications, timeout(WAIT))
        .tell(eq(new Recipient(firm.accountId(), firm.email())), argThat(n -> about(n, key, c)));
  }

  private static boolean about(Notification n, String key, TrainingClass c) {
    return n.sourceKey().equals(key)
        && n.subject().contains("报名已确认")
        && n.subject().contains(c.name())
        && n.body().contains(c.name());
  }
}
