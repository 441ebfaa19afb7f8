/** The page shell: layout, navigation, home pages, language, and error answers. */
@NullMarked
package org.cmis.web;

import org.jspecify.annotations.NullMarked;
