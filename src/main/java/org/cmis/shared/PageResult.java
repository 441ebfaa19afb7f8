package org.cmis.shared;

import java.util.List;

/**
 * One page of a list, as the API answers it: {@code {"items", "total", "page", "size",
 * "totalCapped"}}. A list that counts its rows only up to {@link #COUNT_CAP} answers, when there
 * are more, {@code total} = that cap and {@code totalCapped} = true ("10000+"; ADR 0042).
 */
public record PageResult<T>(List<T> items, long total, int page, int size, boolean totalCapped) {

  /** The most rows a capped count counts. */
  public static final int COUNT_CAP = 10_000;

  /** A page whose total is the exact count. */
  public PageResult(List<T> items, long total, int page, int size) {
    this(items, total, page, size, false);
  }

  /** The number of pages, at least 1. */
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
