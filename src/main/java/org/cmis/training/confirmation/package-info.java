/**
 * Confirmation of a class's registrations by its organiser's staff, late registration, the Excel
 * export and the sign-in sheet (F4.4, F4.7, F4.8). Internal to training.
 */
@NullMarked
package org.cmis.training.confirmation;

import org.jspecify.annotations.NullMarked;
