package org.cmis.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The directions inside training and towards notification that Spring Modulith does not see: the
 * catalog is called by registration through its ports, never the other way round; notification
 * knows nothing of training (training words and sends its own messages).
 */
class TrainingStructureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cmis");

  @Test
  void theCatalogDoesNotDependOnRegistration() {
    noClasses()
        .that()
        .resideInAPackage("org.cmis.training.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cmis.training.registration..")
        .check(classes);
  }

  @Test
  void notificationDoesNotDependOnTraining() {
    noClasses()
        .that()
        .resideInAPackage("org.cmis.notification..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cmis.training..")
        .check(classes);
  }
}
