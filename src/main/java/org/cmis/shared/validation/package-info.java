/** Jakarta Bean Validation constraints backed by the shared value checks. */
@NullMarked
package org.cmis.shared.validation;

import org.jspecify.annotations.NullMarked;
