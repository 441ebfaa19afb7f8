package org.cmis.training.noshow;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One no-show (未到人员, F5.3): a confirmed registration of a class that has ended, without a
 * declaration of non-attendance, marked absent. {@code firmName} is the firm's name today.
 */
@Schema(name = "NoShowView")
public record NoShow(
    long registrationId,
    String memberNo,
    String name,
    @Nullable String firmNo,
    @Nullable String firmName,
    long classId,
    String classCode,
    String className,
    String instituteCode,
    LocalDate trainingStart,
    LocalDate trainingEnd) {

  /** The training dates as one text: a day, or "first ~ last". */
  public String dates() {
    return trainingStart.equals(trainingEnd)
        ? trainingStart.toString()
        : trainingStart + " ~ " + trainingEnd;
  }
}
