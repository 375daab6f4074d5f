package org.itops.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * A mail template, {@code mail/<name>.txt} in English and {@code mail/zh-CN/<name>.txt} in Simplified Chinese (one
 * file per text and language; SuiteTranslationsTest checks that every template has both, with the same names): the
 * first line is {@code Subject: ...}, then an empty line, then the body. {@code {{name}}} is replaced by the value of that name (empty when the value is null, an error when
 * there is no such name); values are inserted as they are, never
 * read as templates themselves (a title that contains braces stays a title).
 */
record MailTemplate(String name, String subject, String body) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

  record Rendered(String subject, String body) {}

  /** The template of that name in the language. */
  static MailTemplate load(String name, Locale language) {
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("Mail template name '" + name + "' must be lower-case words joined by '-'");
    }
    String path = path(name, language);
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      throw new IllegalArgumentException("There is no mail template '" + path + "'");
    }
    String text;
    try (InputStream in = resource.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!text.startsWith("Subject: ") || !text.contains("\n\n")) {
      throw new IllegalArgumentException(
          "Mail template '" + name + "' must start with 'Subject: ...' followed by an empty line and the body");
    }
    int endOfSubject = text.indexOf('\n');
    return new MailTemplate(name, text.substring("Subject: ".length(), endOfSubject).strip(),
        text.substring(text.indexOf("\n\n") + 2));
  }

  /** Where the template of that name in the language lies on the classpath. */
  static String path(String name, Locale language) {
    return Locale.ENGLISH.equals(language) ? "mail/" + name + ".txt"
        : "mail/" + language.toLanguageTag() + "/" + name + ".txt";
  }

  /**
   * The names that the template of that name uses in the language; none when there is no such template (rendering
   * will say so).
   */
  static Set<String> placeholdersOf(String name, Locale language) {
    try {
      return load(String.valueOf(name), language).placeholders();
    } catch (IllegalArgumentException noSuchTemplate) {
      return Set.of();
    }
  }

  Set<String> placeholders() {
    Set<String> names = new HashSet<>();
    for (String text : List.of(subject, body)) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  Rendered render(Map<String, ?> values) {
    List<String> missing = new ArrayList<>();
    String renderedSubject = fill(subject, values, missing);
    String renderedBody = fill(body, values, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Mail template '" + name + "' uses " + missing + " but the process has no such values");
    }
    return new Rendered(renderedSubject.replaceAll("[\\r\\n]+", " "), renderedBody);
  }

  private static String fill(String text, Map<String, ?> values, List<String> missing) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      if (!values.containsKey(key)) {
        missing.add(key);
      }
      Object value = values.get(key);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
