/** The in-app message centre and email (F4.9). */
@NullMarked
package org.cmis.notification;

import org.jspecify.annotations.NullMarked;
