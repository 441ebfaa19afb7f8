package org.cmis.shared;

import java.util.List;

/** A validated 1-based page request: page ≥ 1, size 1 to 100 (API.md, Conventions). */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public Paging {
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      throw new CmisException(
          ErrorCode.MALFORMED_REQUEST,
          "error.paging",
          List.of(new FieldError(page < 1 ? "page" : "size", "error.paging")),
          null);
    }
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
