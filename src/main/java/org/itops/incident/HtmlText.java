package org.itops.incident;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text of an HTML mail body, read in one pass without regular expressions: its time grows with the length of the
 * body whatever the markup, so that a mail of nested or unclosed tags cannot hold the mailbox's poll. Tags and
 * comments are dropped, {@code script} and {@code style} with their content; the ends of blocks ({@code p},
 * {@code div}, {@code br}, ...) become line breaks; the common character references are decoded. An unclosed tag,
 * comment or script ends the text.
 */
final class HtmlText {

  private static final Set<String> BLOCKS = Set.of("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
      "blockquote", "pre", "hr", "table", "ul", "ol");
  private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style");
  private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
      "apos", "'", "nbsp", " ");
  /** The longest character reference read ({@code &#x10FFFF;}); a longer one is text. */
  private static final int MAX_REFERENCE = 10;

  private HtmlText() {}

  static String of(String html) {
    StringBuilder text = new StringBuilder(Math.min(html.length(), 1 << 16));
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<' && startsMarkup(html, i + 1)) {
        // every search below starts where the last one ended and moves i past what it read, or ends the text
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? html.length() : end + 3;
          continue;
        }
        int close = html.indexOf('>', i + 1);
        if (close < 0) {
          break;
        }
        boolean opens = html.charAt(i + 1) != '/' && html.charAt(close - 1) != '/';
        String name = tagName(html, i + 1, close);
        i = close + 1;
        if (opens && DROPPED_WITH_CONTENT.contains(name)) {
          int end = indexOfIgnoringCase(html, "</" + name, i);
          int endClose = end < 0 ? -1 : html.indexOf('>', end);
          i = endClose < 0 ? html.length() : endClose + 1;
        } else {
          text.append(BLOCKS.contains(name) ? '\n' : ' ');
        }
      } else if (c == '&') {
        i = reference(html, i, text);
      } else {
        text.append(c);
        i++;
      }
    }
    return tidy(text);
  }

  private static boolean startsMarkup(String html, int i) {
    if (i >= html.length()) {
      return false;
    }
    char c = html.charAt(i);
    return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
  }

  /** The element's name, lower case, without the {@code /} of an end tag: {@code <P class=x>} is {@code p}. */
  private static String tagName(String html, int from, int to) {
    int start = from < to && html.charAt(from) == '/' ? from + 1 : from;
    int end = start;
    while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
      end++;
    }
    return html.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** Where {@code needle} (ASCII) starts at or after {@code from}, in any case; -1 when nowhere. */
  private static int indexOfIgnoringCase(String text, String needle, int from) {
    for (int i = from; i + needle.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  /** Appends the character reference at {@code at} (or the {@code &} as text); answers where reading goes on. */
  private static int reference(String html, int at, StringBuilder text) {
    int semicolon = -1;
    for (int i = at + 1; i < html.length() && i <= at + MAX_REFERENCE; i++) {
      if (html.charAt(i) == ';') {
        semicolon = i;
        break;
      }
    }
    String decoded = semicolon < 0 ? null : decode(html.substring(at + 1, semicolon));
    if (decoded == null) {
      text.append('&');
      return at + 1;
    }
    text.append(decoded);
    return semicolon + 1;
  }

  private static String decode(String reference) {
    try {
      if (reference.startsWith("#x") || reference.startsWith("#X")) {
        return Character.toString(Integer.parseInt(reference.substring(2), 16));
      }
      if (reference.startsWith("#")) {
        return Character.toString(Integer.parseInt(reference.substring(1)));
      }
    } catch (IllegalArgumentException notACharacter) {
      return null;
    }
    return ENTITIES.get(reference);
  }

  /** Runs of spaces and tabs as one space, each line trimmed, at most one empty line in a row, no space around. */
  private static String tidy(CharSequence text) {
    StringBuilder tidy = new StringBuilder(text.length());
    StringBuilder line = new StringBuilder();
    int emptyLines = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        String done = line.toString().strip();
        line.setLength(0);
        emptyLines = done.isEmpty() ? emptyLines + 1 : 0;
        if (emptyLines <= 1) {
          tidy.append(done).append('\n');
        }
      } else if (c == ' ' || c == '\t' || c == '\u00a0') {
        if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
      } else {
        line.append(c);
      }
    }
    return tidy.toString().strip();
  }
}
