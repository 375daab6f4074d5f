package org.itops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text of the portal's pages (the portal, the what-if) is a text of the suite in English and Chinese
 * ({@code portal.*} in {@code i18n/messages*.properties}): a page writes no text of its own, and each key it uses has
 * both.
 */
class PortalTextsTest {

  private static final List<String> PAGE_FILES = List.of("index.html", "portal.js", "form.js", "api.js", "dom.js",
      "login.js", "what-if.html", "what-if.js");
  private static final Pattern TEXT_CALL = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");
  private static final Pattern DATA_TEXT = Pattern.compile("data-text=\"([^\"]+)\"");
  private static final Pattern LABEL_CALL = Pattern.compile("label\\('([a-z]+)', ");

  @Test
  void everyTextThePageUsesIsInEnglishAndChinese() throws IOException {
    Properties english = properties("i18n/messages.properties");
    Properties chinese = properties("i18n/messages_zh.properties");
    Set<String> used = new TreeSet<>();
    for (String file : PAGE_FILES) {
      used.addAll(matches(TEXT_CALL, page(file)));
      used.addAll(matches(DATA_TEXT, page(file)));
    }
    assertThat(used).as("texts of the page").hasSizeGreaterThan(50);

    List<String> missing = new ArrayList<>();
    for (String key : used) {
      String en = english.getProperty("portal." + key);
      String zh = chinese.getProperty("portal." + key);
      if (en == null || zh == null || zh.equals(en)) {
        missing.add(key + " (English " + en + ", Chinese " + zh + ")");
      }
    }
    assertThat(missing).as("portal texts without their English and Chinese").isEmpty();
  }

  @Test
  void everyCodeThePageShowsAsTextHasItInEnglishAndChinese() throws IOException {
    Set<String> prefixes = matches(LABEL_CALL, page("portal.js"));
    assertThat(prefixes).containsExactlyInAnyOrder("kind", "status", "level", "category", "cost");
    List<String> codes = new ArrayList<>();
    Stream.of("INC", "DMD", "CHG", "SEC", "SVY").forEach(kind -> codes.add("kind." + kind));
    Stream.of(org.itops.incident.Incident.Status.values(), org.itops.demand.Demand.Status.values(),
        org.itops.change.Change.Status.values()).flatMap(Stream::of).forEach(s -> codes.add("status." + s.name()));
    // a security report shows its reporter in progress or closed; a survey sent, answered or expired
    Stream.of("IN_PROGRESS", "CLOSED", "SENT", "ANSWERED", "EXPIRED").forEach(s -> codes.add("status." + s));
    formValues("forms/incident/register-incident.form", "category").forEach(c -> codes.add("category." + c));
    formValues("forms/incident/register-incident.form", "impact").forEach(l -> codes.add("level." + l));
    formValues("forms/security/report-security-incident.form", "severity").forEach(l -> codes.add("level." + l));
    formValues("forms/incident/triage-incident.form", "priority").forEach(p -> codes.add("level." + p));
    formValues("forms/demand/submit-demand.form", "costBand").forEach(c -> codes.add("cost." + c));
    Properties english = properties("i18n/messages.properties");
    Properties chinese = properties("i18n/messages_zh.properties");

    assertThat(codes.stream().filter(code -> english.getProperty("portal." + code) == null
        || chinese.getProperty("portal." + code) == null).toList()).as("codes shown without a text").isEmpty();
    String script = page("portal.js");
    assertThat(Stream.concat(formValues("forms/incident/register-incident.form", "category").stream(),
        formValues("forms/demand/submit-demand.form", "costBand").stream())
        .filter(value -> !script.contains("'" + value + "'")).toList())
        .as("choices of the Tasklist forms that the portal's forms do not offer").isEmpty();
  }

  @Test
  void thePageItselfHoldsNoTextOnlyPlacesForTexts() throws IOException {
    for (String file : List.of("index.html", "what-if.html")) {
      String body = page(file).replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", "");

      assertThat(body.strip()).as(file).isEmpty();
    }
  }

  private static String page(String file) throws IOException {
    try (InputStream in = new ClassPathResource("static/portal/" + file).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> formValues(String form, String key) throws IOException {
    try (InputStream in = new ClassPathResource(form).getInputStream()) {
      List<String> values = new ArrayList<>();
      for (JsonNode component : new ObjectMapper().readTree(in).path("components")) {
        if (key.equals(component.path("key").asText())) {
          component.path("values").forEach(value -> values.add(value.path("value").asText()));
        }
      }
      assertThat(values).as(form + " " + key).isNotEmpty();
      return values;
    }
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties properties(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
