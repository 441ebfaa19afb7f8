/** Training classes, notices and registration (F3, F4): the heart of the system. */
@NullMarked
package org.cmis.training;

import org.jspecify.annotations.NullMarked;
