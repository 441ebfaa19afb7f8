package org.cmis.web;

import java.time.Duration;
import java.util.Locale;
import org.cmis.shared.web.MessageBundles;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default, English on request ({@code ?lang=en}, kept in a cookie), texts
 * from {@code messages_zh_CN.properties} and {@code messages_en.properties} (F7).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final LayoutInterceptor layout;

  WebConfiguration(LayoutInterceptor layout) {
    this.layout = layout;
  }

  static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  @Bean
  MessageSource messageSource() {
    ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
    source.setBasenames(MessageBundles.BASENAMES);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setDefaultLocale(DEFAULT_LOCALE);
    return source;
  }

  @Bean
  LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
    LocalValidatorFactoryBean validator = new FieldLabelValidator();
    validator.setValidationMessageSource(messageSource);
    return validator;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("cmis-lang");
    resolver.setDefaultLocale(DEFAULT_LOCALE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
    registry.addInterceptor(layout).excludePathPatterns("/api/**");
  }

  /** Browsers ask for /favicon.ico by themselves: send them to the SVG icon the pages link. */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/favicon.ico", "/favicon.svg");
  }
}
