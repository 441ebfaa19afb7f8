/**
 * Training notices (培训通知, F3.5): Markdown bodies rendered safely, attachments checked by their
 * content, links to published classes; and what the home page shows of them (through {@link
 * org.cmis.training.ClassCatalog}). Internal to training.
 */
@NullMarked
package org.cmis.training.notice;

import org.jspecify.annotations.NullMarked;
