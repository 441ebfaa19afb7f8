package org.cmis.shared.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmis.shared.PageResult;
import org.jspecify.annotations.Nullable;

/**
 * The paging bar of every list page ({@code fragments/paging.html}): "共 N 条" ("共 N+ 条" when the
 * total is capped, ADR 0042), links to pages (with the page's filters kept), the page size and a
 * plain GET form to jump to a page. Works without JavaScript.
 */
public record PageLinks(
    String path,
    Map<String, String> filters,
    long total,
    int page,
    int pages,
    int size,
    List<Link> links,
    @Nullable String previous,
    @Nullable String next,
    boolean totalCapped) {

  /** The page sizes offered (F3.3). */
  public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

  /** One page link; a gap (…) has no number. */
  public record Link(int number, @Nullable String href, boolean current) {
    public boolean gap() {
      return number == 0;
    }
  }

  /** The bar of a list without filters. */
  public static PageLinks of(String path, PageResult<?> result) {
    return of(path, Map.of(), result);
  }

  /**
   * The bar of a list at {@code path}; every link and the jump form keep the filters (in their
   * order: pass a LinkedHashMap), each as it was given.
   */
  public static PageLinks of(String path, Map<String, String> filters, PageResult<?> result) {
    int pages = result.pages();
    int page = result.page();
    List<Link> links = new ArrayList<>();
    int last = 0;
    for (int n = 1; n <= pages; n++) {
      boolean shown = n == 1 || n == pages || Math.abs(n - page) <= 2;
      if (!shown) {
        continue;
      }
      if (last != 0 && n > last + 1) {
        links.add(new Link(0, null, false));
      }
      links.add(new Link(n, href(path, filters, n, result.size()), n == page));
      last = n;
    }
    return new PageLinks(
        path,
        filters,
        result.total(),
        page,
        pages,
        result.size(),
        links,
        page > 1 ? href(path, filters, page - 1, result.size()) : null,
        page < pages ? href(path, filters, page + 1, result.size()) : null,
        result.totalCapped());
  }

  public List<Integer> sizes() {
    return SIZES;
  }

  /** A link to a page of the list with the same filters and page size. */
  public static String href(String path, Map<String, String> filters, int page, int size) {
    StringBuilder uri = new StringBuilder(path).append('?');
    filters.forEach(
        (name, value) ->
            uri.append(name).append('=').append(URLEncoder.encode(value, UTF_8)).append('&'));
    return uri.append("page=").append(page).append("&size=").append(size).toString();
  }

  /** The page asked for, or 1 when the value is not a page number (page=0, page=abc). */
  public static int page(@Nullable String value) {
    try {
      int page = value == null ? 1 : Integer.parseInt(value.trim());
      return page < 1 ? 1 : page;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The page size asked for, or 20 when it is not one of {@link #SIZES}. */
  public static int size(@Nullable String value) {
    try {
      int size = value == null ? 20 : Integer.parseInt(value.trim());
      return SIZES.contains(size) ? size : 20;
    } catch (NumberFormatException e) {
      return 20;
    }
  }
}
