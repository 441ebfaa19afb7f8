/** The append-only audit log of every state change (F6.2), searchable by administrators. */
@NullMarked
package org.cmis.audit;

import org.jspecify.annotations.NullMarked;
