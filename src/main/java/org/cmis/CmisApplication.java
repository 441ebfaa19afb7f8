package org.cmis;

import java.time.Clock;
import org.cmis.shared.BusinessTime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The CMIS continuing-education application: one Spring Boot app made of Modulith modules. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class CmisApplication {

  /** The clock of every business rule, in the business time zone; tests replace it. */
  @Bean
  Clock clock() {
    return BusinessTime.systemClock();
  }

  public static void main(String[] args) {
    SpringApplication.run(CmisApplication.class, args);
  }
}
