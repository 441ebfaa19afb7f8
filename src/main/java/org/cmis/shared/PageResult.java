package org.cmis.shared;

import java.util.List;

/** One page of a list, as the API answers it: {@code {"items", "total", "page", "size"}}. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

  /** The number of pages, at least 1. */
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
