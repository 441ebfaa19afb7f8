package org.cmis;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  // Test helpers are not a module, wherever the build puts the test classes.
  private final ApplicationModules modules =
      ApplicationModules.of(CmisApplication.class, resideInAPackage("org.cmis.support.."));

  @Test
  void modulesKeepTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml();
  }
}
