package org.itops.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words of a text as the search index keeps them: lowercased, split on everything that is not a letter or a
 * digit (any script), stop words and single letters dropped. Chinese and Japanese have no spaces between words, so
 * a run of their characters is indexed as overlapping pairs (bigrams): "数据库连接" gives 数据, 据库, 库连, 连接, and a
 * query is split the same way, which finds the words without a dictionary.
 */
final class SearchTerms {

  /** How much a word counts by the field it occurs in: a word of the title says most about the article. */
  static final int TITLE = 10;
  static final int SYMPTOMS = 4;
  static final int CAUSE = 2;
  static final int RESOLUTION = 2;
  /** A word repeated in a field counts at most this often (no ranking by keyword stuffing). */
  static final int MAX_REPEATS = 2;
  static final int MAX_TERM_LENGTH = 50;

  private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
      "can", "do", "does", "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "my",
      "no", "not", "of", "on", "or", "our", "so", "that", "the", "their", "then", "there", "this", "to", "was",
      "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your");

  private SearchTerms() {}

  /** The terms of a text in order of occurrence, repeats kept. */
  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder word = new StringBuilder();
    List<Integer> ideographs = new ArrayList<>();
    for (int i = 0; i < lower.length(); ) {
      int codePoint = lower.codePointAt(i);
      i += Character.charCount(codePoint);
      if (isIdeographic(codePoint)) {
        addWord(word, terms);
        ideographs.add(codePoint);
      } else if (Character.isLetterOrDigit(codePoint)) {
        addIdeographs(ideographs, terms);
        word.appendCodePoint(codePoint);
      } else {
        addWord(word, terms);
        addIdeographs(ideographs, terms);
      }
    }
    addWord(word, terms);
    addIdeographs(ideographs, terms);
    return terms;
  }

  /** The distinct terms of a query, at most {@code max}. */
  static List<String> ofQuery(String query, int max) {
    return new ArrayList<>(new LinkedHashSet<>(of(query))).stream().limit(max).toList();
  }

  /** Each term of the article's fields with its weight: the field weights of every occurrence, added up. */
  static Map<String, Integer> weigh(ArticleContent content) {
    Map<String, Integer> weights = new TreeMap<>();
    addField(weights, content.title(), TITLE);
    addField(weights, content.symptoms(), SYMPTOMS);
    addField(weights, content.cause(), CAUSE);
    addField(weights, content.resolution(), RESOLUTION);
    return weights;
  }

  private static void addField(Map<String, Integer> weights, String text, int weight) {
    Map<String, Integer> repeats = new TreeMap<>();
    for (String term : of(text)) {
      if (repeats.merge(term, 1, Integer::sum) <= MAX_REPEATS) {
        weights.merge(term, weight, Integer::sum);
      }
    }
  }

  private static void addWord(StringBuilder word, List<String> terms) {
    String term = word.length() > MAX_TERM_LENGTH ? word.substring(0, MAX_TERM_LENGTH) : word.toString();
    word.setLength(0);
    if (term.codePointCount(0, term.length()) > 1 && !STOP_WORDS.contains(term)) {
      terms.add(term);
    }
  }

  private static void addIdeographs(List<Integer> run, List<String> terms) {
    if (run.size() == 1) {
      terms.add(Character.toString(run.get(0)));
    }
    for (int i = 0; i + 1 < run.size(); i++) {
      terms.add(Character.toString(run.get(i)) + Character.toString(run.get(i + 1)));
    }
    run.clear();
  }

  private static boolean isIdeographic(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
