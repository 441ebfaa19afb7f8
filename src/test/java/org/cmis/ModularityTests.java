package org.cmis;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  // Test helpers and the fixture of ModuleGraphEnforcedTest are not modules, wherever the build
  // puts the test classes.
  private final ApplicationModules modules =
      ApplicationModules.of(
          CmisApplication.class,
          resideInAPackage("org.cmis.support..").or(resideInAPackage("org.cmis.fixture..")));

  /**
   * Cycles, and every import a module's {@code allowedDependencies} does not list (the graph of
   * docs/adr/0015-module-graph.md), fail here.
   */
  @Test
  void modulesKeepTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml();
  }
}
