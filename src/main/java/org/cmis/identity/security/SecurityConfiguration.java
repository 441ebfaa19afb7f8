package org.cmis.identity.security;

import org.cmis.identity.token.ApiTokenFilter;
import org.cmis.identity.token.ApiTokenService;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.Role;
import org.cmis.shared.web.ContentSecurityPolicy;
import org.cmis.shared.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Two filter chains: the JSON API with bearer tokens and no session, and the pages with a
 * server-side session, CSRF on every form and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

  /** The name of the session cookie. */
  public static final String SESSION_COOKIE = "CMIS_SESSION";

  /** The name of the cookie that carries the pages' CSRF token (HttpOnly, see ADR 0012). */
  public static final String CSRF_COOKIE = "CMIS_CSRF";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Spring Security wraps each filter of each request in an observation when a registry exists; the
   * {@code http.server.requests} metrics stay (docs/PERFORMANCE.md, session 3).
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS: the
   * serializer asks {@code request.isSecure()} when no Secure flag is configured, which Tomcat's
   * RemoteIpValve sets from a trusted proxy's {@code X-Forwarded-Proto} (ADR 0012).
   */
  @Bean
  CookieSerializer cookieSerializer() {
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    serializer.setCookieName(SESSION_COOKIE);
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    serializer.setCookiePath("/");
    return serializer;
  }

  /**
   * The pages' CSRF token: in an HttpOnly cookie until the sign-in, in the session after it (ADR
   * 0012); the cookie is Secure whenever the request came over TLS ({@code request.isSecure()}).
   */
  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    return new SignInCsrfTokenRepository();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, Problems problems)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(c -> c.disable())
        // A bearer API has no sign-out URL and no servlet-API security calls (request.isUserInRole,
        // login/logout): two filters and a request wrapper less on every call (ADR 0040).
        .logout(l -> l.disable())
        .servletApi(s -> s.disable())
        .anonymous(a -> {})
        .addFilterBefore(new ApiTokenFilter(tokens, problems), AuthorizationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                    .permitAll()
                    .requestMatchers("/api/v1/integration/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/certificates/*")
                    .permitAll()
                    // The manual reset application and its status are public (F1.3, ADR 0022).
                    .requestMatchers(HttpMethod.POST, "/api/v1/password-reset-applications")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/password-reset-applications/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, res, ex) ->
                            problems.write(
                                req,
                                res,
                                new CmisException(
                                    ErrorCode.UNAUTHENTICATED, "error.UNAUTHENTICATED")))
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            problems.write(
                                req,
                                res,
                                new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN"))))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.API)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageChain(
      HttpSecurity http, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens)
      throws Exception {
    // No session before a successful sign-in (ADR 0012): until then the CSRF token lives in an
    // HttpOnly cookie, the page to come back to in the sign-in URL, the captcha in a signed cookie.
    http.securityContext(c -> c.securityContextRepository(contexts))
        .csrf(c -> c.csrfTokenRepository(csrfTokens))
        .requestCache(c -> c.requestCache(new NullRequestCache()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/captcha.png",
                        "/password/forgot",
                        "/password/reset",
                        "/password/manual",
                        "/password/manual/form",
                        "/password/manual/status",
                        "/help",
                        "/verify",
                        "/verify/*",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/images/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/actuator/**", "/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    (request, response, ex) ->
                        // relative: never an absolute URL built from the Host header
                        response.sendRedirect(
                            request.getContextPath() + ReturnPath.signInUrlFor(request))))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class)
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.PAGES))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    // DENY unless the answer set its own: a reset application's scans are
                    // framed by their review page only (SAMEORIGIN, ADR 0022).
                    .frameOptions(f -> f.disable())
                    .addHeaderWriter(
                        (request, response) -> {
                          if (!response.containsHeader("X-Frame-Options")) {
                            response.setHeader("X-Frame-Options", "DENY");
                          }
                        }));
    return http.build();
  }
}
