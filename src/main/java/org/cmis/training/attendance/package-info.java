/**
 * Attendance (考勤) and self check-in (签到) of training classes (F5.1, ADR 0016): staff of the
 * organiser mark CONFIRMED registrations attended or absent one by one or in bulk, open a check-in
 * session per training day with a 6-digit code and a QR link, and members check themselves in.
 * Every change of attendance goes through {@link org.cmis.training.attendance.Attendance} and
 * publishes {@link org.cmis.training.AttendanceRecorded} only when a row changed. Internal to
 * training.
 */
@NullMarked
package org.cmis.training.attendance;

import org.jspecify.annotations.NullMarked;
