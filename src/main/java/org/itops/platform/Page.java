package org.itops.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a listing of records: the page's records, and how many the whole listing has. */
public record Page<T>(List<T> items, long total) {

  /** The same page with each record as the API shows it. */
  public <R> Page<R> map(Function<T, R> shown) {
    return new Page<>(items.stream().map(shown).toList(), total);
  }

  /** The answer of a listing API: {@code {"items", "page", "size", "total"}}, the page and size as asked for. */
  public Map<String, Object> answer(int page, int size) {
    return Map.of("items", items, "page", page, "size", size, "total", total);
  }
}
