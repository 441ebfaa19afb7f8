/**
 * Content-checked uploads: a file is taken by what its bytes are (magic numbers, the entry names of
 * an Office package read without inflating, so a ZIP bomb costs nothing), never by its extension
 * alone; names lose their paths and control characters. Free of any feature's types.
 */
@NullMarked
package org.cmis.shared.upload;

import org.jspecify.annotations.NullMarked;
