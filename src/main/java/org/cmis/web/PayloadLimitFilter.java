package org.cmis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cmis.shared.CmisException;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses API bodies over 1 MB with 413 PAYLOAD_TOO_LARGE before anything reads them. */
class PayloadLimitFilter extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;

  private final Problems problems;

  PayloadLimitFilter(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setHeader("Connection", "close");
      problems.write(
          request,
          response,
          new CmisException(ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE"));
      return;
    }
    chain.doFilter(request, response);
  }
}
