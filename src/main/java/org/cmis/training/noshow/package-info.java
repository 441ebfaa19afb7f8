/**
 * No-shows (未到人员, F5.3) and their 通报: computed by query from registrations and classes, never
 * stored (docs/adr/0017-no-shows.md). Internal to training.
 */
@NullMarked
package org.cmis.training.noshow;

import org.jspecify.annotations.NullMarked;
