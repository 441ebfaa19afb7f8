package org.cmis.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Skips browser tests when Chromium or its driver is missing (fails them when {@code CI=true}), and
 * gives each test method a fresh {@link Browser} against the application's random port.
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = Browser.missingBinaries();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver found");
    }
    String message = Browser.INSTALL_HINT + " (missing: " + missing + ")";
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    return ConditionEvaluationResult.disabled(message);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Integer port =
        SpringExtension.getApplicationContext(context)
            .getEnvironment()
            .getProperty("local.server.port", Integer.class);
    if (port == null) {
      throw new ParameterResolutionException(
          "no local.server.port: use @BrowserTest (webEnvironment = RANDOM_PORT)");
    }
    Browser browser = Browser.start(port);
    context.getStore(NAMESPACE).put(context.getUniqueId(), browser);
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).remove(context.getUniqueId(), Browser.class);
    if (browser == null) {
      return;
    }
    try {
      if (context.getExecutionException().isPresent()) {
        browser.screenshot(
            "FAILED-"
                + context.getRequiredTestClass().getSimpleName()
                + "-"
                + context.getUniqueId().hashCode());
      }
    } catch (RuntimeException e) {
      // The test's own failure matters more than its screenshot.
    } finally {
      browser.close();
    }
  }
}
