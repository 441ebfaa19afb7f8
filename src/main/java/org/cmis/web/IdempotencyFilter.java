package org.cmis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} of API POSTs (API.md, Conventions). The same caller, method, path,
 * key and body within 24 hours answers the first 2xx answer again (with {@code
 * Idempotency-Replayed: true}) and runs nothing; a concurrent repeat waits for the first and
 * answers the same; the same key with another method, path or body answers 422
 * IDEMPOTENCY_KEY_REUSED. Error answers are not kept, so a retry after one runs again.
 *
 * <p>The claim on a key is a row of {@code idempotency_record} inserted before the request runs
 * (autocommit, no transaction held while it runs); its {@code created_at} fences the owner, so a
 * stale claim taken over by another request cannot be completed by its first owner. Runs after
 * Spring Security's filter chain, which has put the caller in the security context.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED_HEADER = "Idempotency-Replayed";
  static final int MAX_KEY_LENGTH = 200;
  static final Duration WAIT = Duration.ofSeconds(30);
  static final long POLL_MILLIS = 50;

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  private static final int MAX_PATH_LENGTH = 500;
  private static final int MAX_LOCATION_LENGTH = 500;
  private static final int MAX_CONTENT_TYPE_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Problems problems;

  IdempotencyFilter(JdbcClient jdbc, Problems problems) {
    this.jdbc = jdbc;
    this.problems = problems;
  }

  /** Forgets the answers older than 24 hours, every hour. */
  @Scheduled(cron = "0 17 * * * *")
  void purgeExpired() {
    int purged =
        jdbc.sql("delete from idempotency_record where created_at < now() - interval '24 hours'")
            .update();
    if (purged > 0) {
      log.debug("purged {} idempotency records", purged);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      return true;
    }
    // Form and multipart bodies are parsed by the container from its own stream; the JSON API
    // answers 415 to them anyway.
    String contentType = request.getContentType();
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT);
      if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
          || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
        return true;
      }
    }
    return caller() == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = caller();
    if (caller == null) {
      chain.doFilter(request, response);
      return;
    }
    List<String> keys = Collections.list(request.getHeaders(HEADER));
    if (keys.size() != 1 || !validKey(keys.get(0))) {
      refuse(request, response, ErrorCode.MALFORMED_REQUEST);
      return;
    }
    String key = keys.get(0);
    // PayloadLimitFilter has read the body (all but multipart) and can give it again.
    HttpServletRequest replayable = request;
    byte[] body = BufferedRequest.bodyOf(request);
    if (body == null) {
      body = request.getInputStream().readNBytes((int) PayloadLimitFilter.MAX_BYTES + 1);
      if (body.length > PayloadLimitFilter.MAX_BYTES) {
        refuse(request, response, ErrorCode.PAYLOAD_TOO_LARGE);
        return;
      }
      BufferedRequest copy = new BufferedRequest(request);
      copy.body(body, null);
      replayable = copy;
    }
    Claim claim = new Claim(caller, key, request.getMethod(), pathOf(request), sha256(body));
    try {
      handle(claim, replayable, response, chain);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      busy(request, response);
    }
  }

  private void handle(
      Claim claim, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException, InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<OffsetDateTime> owned;
      Optional<Record> record;
      try {
        owned = insert(claim);
        record = owned.isPresent() ? Optional.empty() : find(claim);
      } catch (DataAccessException e) {
        log.warn("idempotency record not available: {}", e.getMessage());
        busy(request, response);
        return;
      }
      if (owned.isPresent()) {
        run(claim, owned.get(), request, response, chain);
        return;
      }
      if (record.isEmpty()) {
        continue; // the first one failed and let go of the key between our two statements
      }
      Record first = record.get();
      if (first.expired()) {
        forget(claim, first.createdAt());
        continue;
      }
      if (!first.method().equals(claim.method())
          || !first.path().equals(claim.path())
          || !first.bodyHash().equals(claim.bodyHash())) {
        refuse(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED);
        return;
      }
      if (first.status() != null) {
        replay(first, response);
        return;
      }
      if (first.stale()) {
        Optional<OffsetDateTime> taken = takeOver(claim, first.createdAt());
        if (taken.isPresent()) {
          log.info("took over a stale idempotency claim of {}", claim.caller());
          run(claim, taken.get(), request, response, chain);
          return;
        }
        continue;
      }
      if (System.nanoTime() - deadline > 0) {
        busy(request, response);
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Runs the request as the owner of the claim and keeps its answer when it is a 2xx. */
  private void run(
      Claim claim,
      OffsetDateTime fence,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(request, capture);
      kept = keep(claim, fence, request, capture);
    } finally {
      if (!kept) {
        try {
          forget(claim, fence);
        } catch (DataAccessException e) {
          log.warn("idempotency claim not released (it goes stale): {}", e.getMessage());
        }
      }
    }
    if (!request.isAsyncStarted()) {
      capture.copyBodyToResponse();
    }
  }

  private boolean keep(
      Claim claim,
      OffsetDateTime fence,
      HttpServletRequest request,
      ContentCachingResponseWrapper capture) {
    int status = capture.getStatus();
    String contentType = capture.getContentType();
    String location = capture.getHeader(HttpHeaders.LOCATION);
    if (status < 200
        || status > 299
        || request.isAsyncStarted()
        || (contentType != null && contentType.length() > MAX_CONTENT_TYPE_LENGTH)
        || (location != null && location.length() > MAX_LOCATION_LENGTH)) {
      return false;
    }
    try {
      return jdbc.sql(
                  """
                  update idempotency_record
                     set status = ?, content_type = ?, location = ?, response_body = ?
                   where caller = ? and idem_key = ? and created_at = ? and status is null
                  """)
              .params(
                  status,
                  contentType,
                  location,
                  capture.getContentAsByteArray(),
                  claim.caller(),
                  claim.key(),
                  fence)
              .update()
          == 1;
    } catch (DataAccessException e) {
      log.warn("idempotent answer not kept: {}", e.getMessage());
      return false;
    }
  }

  private Optional<OffsetDateTime> insert(Claim claim) {
    return jdbc.sql(
            """
            insert into idempotency_record (caller, idem_key, method, path, body_hash)
            values (?, ?, ?, ?, ?)
            on conflict do nothing
            returning created_at
            """)
        .params(claim.caller(), claim.key(), claim.method(), claim.path(), claim.bodyHash())
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional();
  }

  private Optional<Record> find(Claim claim) {
    return jdbc.sql(
            """
            select method, path, body_hash, status, content_type, location, response_body,
                   created_at,
                   created_at < now() - interval '24 hours' as expired,
                   created_at < now() - interval '2 minutes' as stale
              from idempotency_record
             where caller = ? and idem_key = ?
            """)
        .params(claim.caller(), claim.key())
        .query(
            (rs, n) ->
                new Record(
                    rs.getString("method"),
                    rs.getString("path"),
                    rs.getString("body_hash").trim(),
                    rs.getObject("status", Integer.class),
                    rs.getString("content_type"),
                    rs.getString("location"),
                    rs.getBytes("response_body"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getBoolean("expired"),
                    rs.getBoolean("stale")))
        .optional();
  }

  /** Lets go of a claim, unless another request has taken it over meanwhile. */
  private void forget(Claim claim, OffsetDateTime fence) {
    jdbc.sql("delete from idempotency_record where caller = ? and idem_key = ? and created_at = ?")
        .params(claim.caller(), claim.key(), fence)
        .update();
  }

  /** Takes over a stale claim whose owner has not finished within 2 minutes. */
  private Optional<OffsetDateTime> takeOver(Claim claim, OffsetDateTime fence) {
    return jdbc.sql(
            """
            update idempotency_record set created_at = clock_timestamp()
             where caller = ? and idem_key = ? and created_at = ? and status is null
            returning created_at
            """)
        .params(claim.caller(), claim.key(), fence)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .optional();
  }

  private static void replay(Record first, HttpServletResponse response) throws IOException {
    response.setStatus(first.status());
    if (first.contentType() != null) {
      response.setContentType(first.contentType());
    }
    if (first.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, first.location());
    }
    response.setHeader(REPLAYED_HEADER, "true");
    byte[] body = first.body() == null ? new byte[0] : first.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code)
      throws IOException {
    problems.write(request, response, new CmisException(code, code.titleKey()));
  }

  private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.write(
        request,
        response,
        new CmisException(ErrorCode.BUSY, "error.BUSY", List.of(), Duration.ofSeconds(1)));
  }

  /** The signed-in caller's principal name, or null for anonymous requests. */
  private static @Nullable String caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof CurrentUser user) {
      return user.getName();
    }
    return null;
  }

  /** 1 to 200 printable ASCII characters. */
  static boolean validKey(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** The path with its query: another query is another request. Long ones end in a hash. */
  private static String pathOf(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (request.getQueryString() != null) {
      path = path + "?" + request.getQueryString();
    }
    if (path.length() > MAX_PATH_LENGTH) {
      path =
          path.substring(0, MAX_PATH_LENGTH - 65)
              + "#"
              + sha256(path.getBytes(StandardCharsets.UTF_8));
    }
    return path;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private record Claim(String caller, String key, String method, String path, String bodyHash) {}

  private record Record(
      String method,
      String path,
      String bodyHash,
      @Nullable Integer status,
      @Nullable String contentType,
      @Nullable String location,
      byte @Nullable [] body,
      OffsetDateTime createdAt,
      boolean expired,
      boolean stale) {}
}
