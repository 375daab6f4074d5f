package org.itops.platform;

import static org.itops.platform.RequestTexts.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Deploying is not running code: process owners deploy diagrams, tables and forms (from Camunda Modeler, or the
 * suite from {@code processes/} at start), and a deployment that would run code of their choosing is refused
 * before anything is stored, with a message naming the file and the element, worded in the language of the
 * deployment's request like every refusal ({@link InvalidRequestException}: texts {@code deployment.*} of
 * {@code i18n/messages*.properties}). Refused: Java class names,
 * scripts (script tasks, script listeners and mappings, script conditions, script languages in tables),
 * connectors, embedded HTML forms, files other than BPMN, DMN, Camunda Forms and their translation bundles
 * ({@link ShownTexts}), a {@code delegateExpression} that names anything but one of the suite's process steps and
 * listeners ({@link #steps()}), and expressions that reach beans, the engine or Java types
 * ({@link ExpressionRules}).
 *
 * <p>A deployer the engine runs before its own for every new deployment, whichever way it arrives: the engine
 * offers no public hook for that, so this uses its documented plugin and deployer extension points
 * ({@code impl.cfg}, {@code impl.persistence.deploy}).
 *
 * <p>One class of about 300 lines because it is one check, of every element kind a file can hold; what expressions
 * may reach is {@link ExpressionRules}'.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN_ONLY = Pattern.compile("\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
  private static final List<String> DEPLOYABLE = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");
  /** Elements whose text is shown or stored as it is, never evaluated. */
  private static final Set<String> LITERAL_TEXT = Set.of("documentation", "text", "string", "description");

  private final ApplicationContext context;
  private volatile ExpressionRules rules;
  private volatile Set<String> steps;
  private volatile Set<String> helpers;

  DeploymentGuard(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, this);
    configuration.setCustomPreDeployers(deployers);
    // expressions resolve the process steps and helpers, never another bean of the application
    configuration.setExpressionManager(new SpringExpressionManager(context, new ReachableBeans()));
  }

  /** The beans the engine's expressions reach by name: {@link #steps()} and the expression helpers. */
  private final class ReachableBeans extends AbstractMap<Object, Object> {
    @Override
    public boolean containsKey(Object name) {
      return name instanceof String bean && (steps().contains(bean) || helpers().contains(bean));
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      throw new UnsupportedOperationException("the reachable beans are looked up by name only");
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // read again from the database (cache, another node): checked when it was deployed
    }
    List<FieldError> refusals = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      refusals.addAll(refusals(resource.getName(), resource.getName(), resource.getBytes()));
    }
    if (!refusals.isEmpty()) {
      throw new InvalidRequestException(refusals);
    }
  }

  /** Refuses a file that is not deployed but evaluated all the same (a what-if's table), as its deployment would be. */
  public void refuseCode(String field, String resourceName, byte[] content) {
    List<FieldError> refusals = refusals(field, resourceName, content);
    if (!refusals.isEmpty()) {
      throw new InvalidRequestException(refusals);
    }
  }

  private List<FieldError> refusals(String field, String resourceName, byte[] content) {
    return check(resourceName, content).stream().map(problem -> new FieldError(field, "reason.deployment", problem))
        .toList();
  }

  /** The problems of one file of a deployment, each naming the element. */
  List<MessageSourceResolvable> check(String resourceName, byte[] content) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (isBundle(name)) {
      return List.of(); // the translated texts of a file (DeploymentTranslation): text, never evaluated
    }
    if (DEPLOYABLE.stream().noneMatch(name::endsWith)) {
      return List.of(text("deployment.onlyModels"));
    }
    if (name.endsWith(".form")) {
      return List.of(); // form-js expressions run in the browser, on the values of the form only
    }
    Document document;
    try {
      document = parse(content);
    } catch (SAXException | IOException e) {
      return List.of(text("deployment.unreadableXml", e.getMessage()));
    }
    List<MessageSourceResolvable> problems = new ArrayList<>();
    boolean decisions = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    walk(document.getDocumentElement(), decisions, problems);
    return problems;
  }

  private static boolean isBundle(String lowerCaseName) {
    return SuiteProperties.LANGUAGES.stream().anyMatch(language ->
        lowerCaseName.endsWith(ShownTexts.bundleSuffix(language).toLowerCase(Locale.ROOT))
        && ShownTexts.hasTexts(lowerCaseName.substring(0,
            lowerCaseName.length() - ShownTexts.bundleSuffix(language).length())));
  }

  private void walk(Element element, boolean decisions, List<MessageSourceResolvable> problems) {
    String local = element.getLocalName();
    if (decisions) {
      checkDecisionElement(element, local, problems);
    } else {
      checkProcessElement(element, local, problems);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child, decisions, problems);
      }
    }
  }

  private void checkProcessElement(Element element, String local, List<MessageSourceResolvable> problems) {
    if (local.equals("scriptTask") || local.equals("script")) {
      problems.add(at(element, text("deployment.script")));
      return;
    }
    if (local.equals("connector") && CAMUNDA_NS.equals(element.getNamespaceURI())) {
      problems.add(at(element, text("deployment.connector")));
      return;
    }
    String language = element.getAttribute("language");
    if (!language.isBlank() && !language.equalsIgnoreCase("juel")) {
      problems.add(at(element, text("deployment.scriptLanguage", language)));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      checkProcessAttribute(element, attribute, problems);
    }
    checkText(element, local, problems);
  }

  private void checkProcessAttribute(Element element, Attr attribute, List<MessageSourceResolvable> problems) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    // camunda:class on a task, and class on a camunda:taskListener, mean the same
    boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI())
        || (attribute.getNamespaceURI() == null && CAMUNDA_NS.equals(element.getNamespaceURI()));
    if (camunda && (name.equals("class") || name.equals("variableMappingClass"))) {
      problems.add(at(element, text("deployment.javaClass", value)));
    } else if (camunda && (name.equals("delegateExpression") || name.equals("variableMappingDelegateExpression"))) {
      Matcher bean = BEAN_ONLY.matcher(value);
      if (!bean.matches() || !steps().contains(bean.group(1))) {
        problems.add(at(element, text("deployment.notAStep", value)));
      }
    } else if (camunda && name.equals("formKey") && !value.startsWith("camunda-forms:")) {
      problems.add(at(element, text("deployment.pageForm", value)));
    } else if (ExpressionRules.hasExpression(value)) {
      rules().checkTemplate(value).forEach(inValue ->
          problems.add(at(element, text("deployment.attribute", name, inValue))));
    }
  }

  /** The text of an element that the engine evaluates: conditions, timers, mappings, field injections. */
  private void checkText(Element element, String local, List<MessageSourceResolvable> problems) {
    if (LITERAL_TEXT.contains(local)) {
      return;
    }
    String text = ownText(element);
    if (ExpressionRules.hasExpression(text)) {
      rules().checkTemplate(text).forEach(problem -> problems.add(at(element, problem)));
    }
  }

  private void checkDecisionElement(Element element, String local, List<MessageSourceResolvable> problems) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isBlank() && !language.equalsIgnoreCase("juel")
        && !language.toLowerCase(Locale.ROOT).contains("feel")) {
      problems.add(at(element, text("deployment.decisionLanguage", language)));
    }
    if (!local.equals("text") || !(element.getParentNode() instanceof Element parent)) {
      return;
    }
    String text = ownText(element).strip();
    List<MessageSourceResolvable> found = switch (parent.getLocalName()) {
      case "inputEntry" -> rules().checkUnaryTests(text);
      case "inputExpression", "literalExpression" ->
          ExpressionRules.hasExpression(text) ? rules().checkTemplate(text) : rules().checkBody(text);
      case "outputEntry" -> isLiteral(text) ? List.of()
          : ExpressionRules.hasExpression(text) ? rules().checkTemplate(text) : rules().checkBody(text);
      default -> List.of();
    };
    found.forEach(problem -> problems.add(at(parent, problem)));
  }

  /** An output of a rule that is a value: a string, a number, a boolean, or nothing. */
  private static boolean isLiteral(String text) {
    return text.isEmpty() || text.matches("\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false|null");
  }

  /**
   * The beans a diagram may name with {@code delegateExpression}: the suite's own delegates and listeners. Read
   * once, when first needed (a deployment or an expression, when the suite's beans are all there).
   */
  Set<String> steps() {
    if (steps == null) {
      Set<String> names = new TreeSet<>();
      for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
        for (String bean : context.getBeanNamesForType(type)) {
          Class<?> beanType = context.getType(bean);
          if (beanType != null && beanType.getPackageName().startsWith("org.itops")) {
            names.add(bean);
          }
        }
      }
      steps = names;
    }
    return steps;
  }

  private Set<String> helpers() {
    if (helpers == null) {
      helpers = new TreeSet<>(Arrays.asList(context.getBeanNamesForAnnotation(ExpressionHelper.class)));
    }
    return helpers;
  }

  private ExpressionRules rules() {
    if (rules == null) {
      // containsBean also knows the singletons Spring registers itself, such as systemEnvironment
      rules = new ExpressionRules(new ExpressionRules.Beans(context::containsBean, steps(), helpers()));
    }
    return rules;
  }

  /** The problem at the nearest element with an id ("element 'id': ..."), else at the element's tag. */
  private static MessageSourceResolvable at(Element element, MessageSourceResolvable problem) {
    for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
      if (!candidate.getAttribute("id").isBlank()) {
        return text("deployment.atElement", candidate.getAttribute("id"), problem);
      }
    }
    return text("deployment.atTag", element.getLocalName(), problem);
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  /** Parses XML without DTDs or external entities. */
  static Document parse(byte[] content) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
