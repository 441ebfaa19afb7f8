/** The arithmetic sign-in captcha, drawn without fonts. */
@org.jspecify.annotations.NullMarked
package org.cmis.identity.captcha;
