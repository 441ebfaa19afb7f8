/** Web helpers shared by every module's controllers. */
@NullMarked
package org.cmis.shared.web;

import org.jspecify.annotations.NullMarked;
