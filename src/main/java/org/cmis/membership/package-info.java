/** Institutes, firms and members (F2): the registry the other modules ask about people. */
@NullMarked
package org.cmis.membership;

import org.jspecify.annotations.NullMarked;
