package org.itops.cmdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks over the depends-on graph, held in memory: with a stack of its own instead of recursion (a chain of any
 * length needs no more thread stack), and at most {@link #MAX_ITEMS} items far, so that no request walks for longer
 * than that. A walk that would go further stops and says so; the API answers it with 400.
 */
final class DependencyGraph {

  /** The most items one walk reaches; a CMDB of thousands of items stays far below it. */
  static final int MAX_ITEMS = 100_000;

  /** The items a walk reached, in the order it reached them; {@code complete} is false when it stopped at the bound. */
  record Walk<T>(List<T> reached, boolean complete) {}

  /** Thrown when a cycle check would have to look at more than the bound. */
  static final class TooLargeException extends RuntimeException {
    private final int bound;

    TooLargeException(int bound) {
      super("depends-on reaches more than " + bound + " items from the changed ones; the suite checks at most "
          + bound);
      this.bound = bound;
    }

    int bound() {
      return bound;
    }
  }

  private DependencyGraph() {}

  /** Everything that {@code edges} lead to from {@code start}, breadth first, without {@code start} itself. */
  static <T> Walk<T> reachable(T start, Map<T, ? extends Collection<T>> edges, int bound) {
    Set<T> seen = new LinkedHashSet<>();
    Deque<T> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      for (T next : edgesOf(queue.poll(), edges)) {
        if (!next.equals(start) && !seen.contains(next)) {
          if (seen.size() == bound) {
            return new Walk<>(List.copyOf(seen), false);
          }
          seen.add(next);
          queue.add(next);
        }
      }
    }
    return new Walk<>(List.copyOf(seen), true);
  }

  /**
   * A cycle through one of {@code starts}, as the items along it with the first one again at the end; a cycle that
   * none of them reaches cannot be new.
   *
   * @throws TooLargeException when the starts reach more than {@code bound} items
   */
  static <T> Optional<List<T>> cycleThrough(Collection<T> starts, Map<T, ? extends Collection<T>> edges, int bound) {
    Set<T> visited = new HashSet<>();
    for (T start : starts) {
      if (visited.contains(start)) {
        continue;
      }
      // depth first: the path from start to the item being looked at, each with the edges it has left to follow
      Deque<T> path = new ArrayDeque<>();
      Deque<Iterator<T>> toFollow = new ArrayDeque<>();
      Set<T> onPath = new HashSet<>();
      enter(start, edges, path, toFollow, onPath, visited, bound);
      while (!path.isEmpty()) {
        Iterator<T> next = toFollow.peek();
        if (!next.hasNext()) {
          onPath.remove(path.pop());
          toFollow.pop();
          continue;
        }
        T item = next.next();
        if (onPath.contains(item)) {
          return Optional.of(cycle(path, item));
        }
        if (!visited.contains(item)) {
          enter(item, edges, path, toFollow, onPath, visited, bound);
        }
      }
    }
    return Optional.empty();
  }

  private static <T> void enter(T item, Map<T, ? extends Collection<T>> edges, Deque<T> path,
      Deque<Iterator<T>> toFollow, Set<T> onPath, Set<T> visited, int bound) {
    if (visited.size() == bound) {
      throw new TooLargeException(bound);
    }
    visited.add(item);
    onPath.add(item);
    path.push(item);
    toFollow.push(edgesOf(item, edges).iterator());
  }

  private static <T> Collection<T> edgesOf(T item, Map<T, ? extends Collection<T>> edges) {
    Collection<T> out = edges.get(item);
    return out == null ? List.of() : out;
  }

  /** The path's part from {@code closing} to its end, then {@code closing} again. */
  private static <T> List<T> cycle(Deque<T> path, T closing) {
    List<T> cycle = new ArrayList<>();
    Iterator<T> fromStart = path.descendingIterator();
    boolean inCycle = false;
    while (fromStart.hasNext()) {
      T item = fromStart.next();
      inCycle |= item.equals(closing);
      if (inCycle) {
        cycle.add(item);
      }
    }
    cycle.add(closing);
    return cycle;
  }
}
