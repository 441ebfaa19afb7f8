/** The demo data set, loaded once on the embedded database (API.md, Demo data). */
@org.jspecify.annotations.NullMarked
package org.cmis.demo;
