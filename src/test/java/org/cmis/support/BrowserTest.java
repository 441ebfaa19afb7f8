package org.cmis.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port (profile "test": embedded PostgreSQL, demo data, no
 * captcha), driven through Debian's headless Chromium. Test methods take a {@link Browser}
 * parameter: a fresh browser per test, closed after it.
 *
 * <p>Without {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} the tests are skipped,
 * unless the environment variable {@code CI} is {@code true}: then they fail. The system properties
 * {@code cmis.browser.chromium} and {@code cmis.browser.chromedriver} point elsewhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface BrowserTest {}
