package org.itops.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The texts a person sees in a BPMN diagram, a DMN table or a Camunda Form, and their translation.
 *
 * <p>The English files are the one source that process owners edit in Camunda Modeler. Each file has a bundle
 * per other language next to it ({@code incident-lifecycle.bpmn.zh-CN.properties}, UTF-8), keyed by element id or
 * form component id and the attribute: {@code triageIncident.name}, {@code impactField.label},
 * {@code impactField.values.high} (an option by its value), {@code rule-p1.description}. Translating replaces
 * only these texts; ids, keys, variable names, message names and option values stay as they are.
 *
 * <p>Shown texts: the names of processes, flow nodes, flows, sub-processes, lanes and participants and the text
 * of annotations (not message, signal, error and escalation names: processes and the suite refer to those);
 * the names, input and output labels and descriptions (rule annotations) of decisions; the labels,
 * descriptions, placeholders, texts, date and time labels, adorners and option labels of form components. A form
 * text that starts with {@code =} is an expression and not a text.
 */
final class ShownTexts {

  /** The suffix of a file's bundle in a language, e.g. {@code .zh-CN.properties}. */
  static String bundleSuffix(Locale language) {
    return "." + language.toLanguageTag() + ".properties";
  }

  /** Whether the file is a model or form with shown texts. */
  static boolean hasTexts(String resourceName) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
  }

  /** The shown texts of the file by key, in the order of the file. */
  static Map<String, String> of(String resourceName, byte[] content) {
    Map<String, String> texts = new LinkedHashMap<>();
    rewrite(resourceName, content, (key, text) -> {
      texts.put(key, text);
      return text;
    });
    return texts;
  }

  /** The file with each shown text replaced by its translation; a text without one stays as it is. */
  static byte[] translate(String resourceName, byte[] content, Map<String, String> bundle) {
    return rewrite(resourceName, content, (key, text) -> bundle.getOrDefault(key, text));
  }

  /**
   * What is wrong with a bundle of the file, each naming the key: a shown text without translation, a
   * translation of a key the file no longer has, a blank translation, and a translation that does not keep the
   * text's placeholders ({@code {{name}}}).
   */
  static List<String> problems(String resourceName, byte[] content, Map<String, String> bundle) {
    Map<String, String> texts = of(resourceName, content);
    List<String> problems = new ArrayList<>();
    texts.forEach((key, text) -> {
      String translation = bundle.get(key);
      if (translation == null) {
        problems.add(key + ": no translation of \"" + text + "\"");
      } else if (translation.isBlank()) {
        problems.add(key + ": the translation is empty");
      } else if (translation.contains("\\") && !text.contains("\\")) {
        // "\\n" in a bundle is a backslash and an n, which a form shows as they are; a line break is "\n"
        problems.add(key + ": the translation has a backslash that the text has not (a line break is \\n)");
      } else if (!placeholders(translation).equals(placeholders(text))) {
        problems.add(key + ": the translation has the placeholders " + placeholders(translation) + ", the text "
            + placeholders(text));
      }
    });
    new TreeSet<>(bundle.keySet()).stream().filter(key -> !texts.containsKey(key))
        .forEach(key -> problems.add(key + ": translated, but the file has no such text (a removed or renamed"
            + " element, component or option?)"));
    return problems;
  }

  /** A bundle: a properties file in UTF-8. */
  static Map<String, String> readBundle(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> bundle = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> bundle.put(key, properties.getProperty(key)));
    return bundle;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    return found;
  }

  // ---- walking the files: one walk both lists and replaces, so the two never disagree

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** BPMN elements whose names processes and the suite refer to: never translated. */
  private static final Set<String> REFERRED_NAMES = Set.of("message", "signal", "error", "escalation");
  private static final List<String> FORM_TEXTS =
      List.of("label", "description", "placeholder", "text", "dateLabel", "timeLabel");
  private static final List<String> FORM_ADORNERS = List.of("prefixAdorner", "suffixAdorner");

  /** Calls {@code replace} with (key, text) for each shown text, in document order; returns the rewritten file. */
  private static byte[] rewrite(String resourceName, byte[] content, BinaryOperator<String> replace) {
    try {
      if (resourceName.toLowerCase(Locale.ROOT).endsWith(".form")) {
        JsonNode form = JSON.readTree(content);
        rewriteComponents(form.path("components"), replace);
        return JSON.writeValueAsBytes(form);
      }
      Document document = DeploymentGuard.parse(content);
      boolean decisions = resourceName.toLowerCase(Locale.ROOT).endsWith(".dmn");
      rewriteElement(document.getDocumentElement(), decisions, replace);
      return serialize(document);
    } catch (IOException | org.xml.sax.SAXException e) {
      throw new IllegalArgumentException(resourceName + " is not readable: " + e.getMessage(), e);
    }
  }

  private static void rewriteComponents(JsonNode components, BinaryOperator<String> replace) {
    for (JsonNode node : components) {
      if (!(node instanceof ObjectNode component)) {
        continue;
      }
      String id = component.path("id").asText();
      for (String attribute : FORM_TEXTS) {
        rewriteField(component, attribute, id + "." + attribute, replace);
      }
      if (component.path("appearance") instanceof ObjectNode appearance) {
        for (String adorner : FORM_ADORNERS) {
          rewriteField(appearance, adorner, id + "." + adorner, replace);
        }
      }
      for (JsonNode value : component.path("values")) {
        if (value instanceof ObjectNode option) {
          rewriteField(option, "label", id + ".values." + option.path("value").asText(), replace);
        }
      }
      rewriteComponents(component.path("components"), replace);
    }
  }

  private static void rewriteField(ObjectNode node, String field, String key, BinaryOperator<String> replace) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual() && !value.asText().isBlank() && !value.asText().startsWith("=")) {
      node.put(field, replace.apply(key, value.asText()));
    }
  }

  private static void rewriteElement(Element element, boolean decisions, BinaryOperator<String> replace) {
    String local = element.getLocalName();
    String id = element.getAttribute("id");
    if (!id.isBlank()) {
      if (decisions) {
        rewriteAttribute(element, "label", id, replace);
        if (!local.equals("input") && !local.equals("output")) {
          rewriteAttribute(element, "name", id, replace); // an output's name is its variable
        }
        rewriteChildText(element, "description", id, replace);
      } else if (!REFERRED_NAMES.contains(local) && isModelElement(element)) {
        rewriteAttribute(element, "name", id, replace);
      }
      rewriteChildText(element, "text", id, replace); // annotations of both
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        rewriteElement(child, decisions, replace);
      }
    }
  }

  /** An element of the BPMN model itself, not of an extension (camunda:inputParameter has a name too). */
  private static boolean isModelElement(Element element) {
    return "http://www.omg.org/spec/BPMN/20100524/MODEL".equals(element.getNamespaceURI());
  }

  private static void rewriteAttribute(Element element, String attribute, String id, BinaryOperator<String> replace) {
    String text = element.getAttribute(attribute);
    if (!text.isBlank()) {
      element.setAttribute(attribute, replace.apply(id + "." + attribute, text));
    }
  }

  private static void rewriteChildText(Element element, String child, String id, BinaryOperator<String> replace) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element text && child.equals(text.getLocalName()) && element.equals(text.getParentNode())
          && !text.getTextContent().isBlank() && (child.equals("description") || isAnnotation(element))) {
        text.setTextContent(replace.apply(id + "." + child, text.getTextContent()));
      }
    }
  }

  /** A text annotation (BPMN or DMN); a DMN rule's entries have a text child too, which is an expression. */
  private static boolean isAnnotation(Element element) {
    return element.getLocalName().equals("textAnnotation");
  }

  private static byte[] serialize(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new UncheckedIOException(new IOException("cannot write the translated model", e));
    }
  }
}
