package org.itops.platform;

import static org.itops.platform.RequestTexts.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.MessageSourceResolvable;

/**
 * What an expression in a diagram or decision table may reach: the variables of its process (and their
 * properties), literals and operators, {@code execution.processBusinessKey}, {@code execution.getVariable('name')},
 * and the methods of the {@link ExpressionHelper} beans. Not the other Spring beans, the engine or Java types: a
 * method call on a variable ({@code ${x.getClass()...}}), a function, an index, a process step's name, or a bean
 * used as an object is refused. (At run time the engine resolves no other bean anyway: {@link DeploymentGuard}
 * gives its expressions the steps and helpers only, so a variable named like a bean, e.g. {@code environment},
 * is always the variable.)
 *
 * <p>Reads JUEL ({@code ${...}} and {@code #{...}}) by its tokens, with string literals skipped, so that a rule
 * cannot be hidden in spacing or quotes. A problem is a text of {@code i18n/messages*.properties}
 * ({@code deployment.expression.*}) with the values it names, worded in the language of the refusal's reader.
 */
final class ExpressionRules {

  /**
   * What the rules know of the suite.
   *
   * @param isBean whether a name is a bean of the application
   * @param steps the process steps and listeners, named in delegateExpression only
   * @param helpers the expression helpers
   */
  record Beans(Predicate<String> isBean, Set<String> steps, Set<String> helpers) {}

  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** Names the engine resolves itself, besides {@code execution} and {@code task}: each leads into the engine. */
  private static final Set<String> ENGINE_NAMES = Set.of("variableScope", "caseExecution", "externalTask",
      "processEngine", "processEngineServices", "processEngineConfiguration");
  private static final Set<String> ENGINE_PROPERTIES = Set.of("processBusinessKey", "businessKey",
      "processInstanceId", "id", "currentActivityId", "eventName");
  /** Properties that lead from any value to its Java class. */
  private static final Set<String> JAVA_PROPERTIES = Set.of("class", "getClass", "classLoader", "declaringClass",
      "module");

  private final Beans beans;

  ExpressionRules(Beans beans) {
    this.beans = beans;
  }

  /** The problems of a text in which {@code ${...}} and {@code #{...}} are expressions (an attribute, a condition). */
  List<MessageSourceResolvable> checkTemplate(String text) {
    List<MessageSourceResolvable> problems = new ArrayList<>();
    int at = 0;
    while (true) {
      int start = indexOfExpression(text, at);
      if (start < 0) {
        return problems;
      }
      int end = endOfExpression(text, start + 2);
      if (end < 0) {
        problems.add(text("deployment.expression.notClosed", shorten(text.substring(start))));
        return problems;
      }
      problems.addAll(checkBody(text.substring(start + 2, end)));
      at = end + 1;
    }
  }

  /** Whether the text holds an expression at all. */
  static boolean hasExpression(String text) {
    return indexOfExpression(text, 0) >= 0;
  }

  /** The problems of an expression's body, the part between {@code ${} and {@code }}. */
  List<MessageSourceResolvable> checkBody(String body) {
    List<MessageSourceResolvable> problems = new ArrayList<>();
    List<Token> tokens;
    try {
      tokens = tokens(body);
    } catch (IllegalArgumentException e) {
      return List.of(text("deployment.expression.stringNotClosed", shorten(body)));
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is("[")) {
        problems.add(text("deployment.expression.index", shorten(body)));
      }
      if (token.kind != Kind.IDENTIFIER || KEYWORDS.contains(token.text)) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).is(".")) {
        // a property of something that is not a variable, e.g. of a helper's answer or of (a)
        problems.add(text("deployment.expression.computedProperty", token.text, shorten(body)));
        continue;
      }
      i = checkRoot(tokens, i, body, problems);
    }
    return problems;
  }

  /** Checks the name at {@code i} and what follows it; answers the index of its last token. */
  private int checkRoot(List<Token> tokens, int i, String body, List<MessageSourceResolvable> problems) {
    String root = tokens.get(i).text;
    if (at(tokens, i + 1, ":") && at(tokens, i + 3, "(")) {
      problems.add(text("deployment.expression.prefixedFunction", root, tokens.get(i + 2).text, shorten(body)));
      return i + 2;
    }
    if (at(tokens, i + 1, "(")) {
      problems.add(text("deployment.expression.function", root, shorten(body)));
      return i;
    }
    if (root.equals("execution") || root.equals("task")) {
      return checkEngineAccess(tokens, i, body, problems);
    }
    if (beans.helpers().contains(root)) {
      if (at(tokens, i + 1, ".") && at(tokens, i + 3, "(")) {
        return i + 3; // the arguments follow as expressions of their own
      }
      problems.add(text("deployment.expression.helperObject", root, shorten(body)));
      return i;
    }
    if (beans.steps().contains(root)) {
      problems.add(text("deployment.expression.step", root, shorten(body)));
      return i;
    }
    boolean usedAsObject = at(tokens, i + 1, ".") || at(tokens, i + 1, "(") || at(tokens, i + 1, "[");
    if (ENGINE_NAMES.contains(root) || (usedAsObject && beans.isBean().test(root))) {
      problems.add(text("deployment.expression.bean", root, shorten(body)));
      return i;
    }
    // a variable and its properties; no methods, which would lead to Java types
    int j = i;
    while (at(tokens, j + 1, ".") && j + 2 < tokens.size() && tokens.get(j + 2).kind == Kind.IDENTIFIER) {
      String property = tokens.get(j + 2).text;
      if (JAVA_PROPERTIES.contains(property)) {
        problems.add(text("deployment.expression.javaType", root, property, shorten(body)));
      } else if (at(tokens, j + 3, "(")) {
        problems.add(text("deployment.expression.method", root, property, shorten(body)));
      }
      j += 2;
    }
    return j;
  }

  /** {@code execution} or {@code task} alone (as an argument), a plain property of it, or getVariable('name'). */
  private int checkEngineAccess(List<Token> tokens, int i, String body, List<MessageSourceResolvable> problems) {
    if (!at(tokens, i + 1, ".")) {
      return i;
    }
    Token member = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
    if (member != null && ENGINE_PROPERTIES.contains(member.text) && !at(tokens, i + 3, ".") && !at(tokens, i + 3, "(")) {
      return i + 2;
    }
    if (member != null && member.text.equals("getVariable") && at(tokens, i + 3, "(")
        && i + 4 < tokens.size() && tokens.get(i + 4).kind == Kind.STRING && at(tokens, i + 5, ")")
        && !at(tokens, i + 6, ".")) {
      return i + 5;
    }
    problems.add(text("deployment.expression.engine", tokens.get(i).text, member == null ? "" : member.text,
        shorten(body)));
    return i + 2;
  }

  /** The problems of a FEEL unary test of a decision table (simple FEEL): no functions but not(...). */
  List<MessageSourceResolvable> checkUnaryTests(String text) {
    if (hasExpression(text)) {
      return checkTemplate(text);
    }
    List<Token> tokens;
    try {
      tokens = tokens(text);
    } catch (IllegalArgumentException e) {
      return List.of(text("deployment.expression.stringNotClosed", shorten(text)));
    }
    List<MessageSourceResolvable> problems = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind == Kind.IDENTIFIER && tokens.get(i + 1).is("(") && !token.text.equals("not")
          && !(token.text.equals("time") && i >= 2 && tokens.get(i - 2).text.equals("date"))) {
        problems.add(text("deployment.expression.tableFunction", token.text, shorten(text)));
      }
      if (token.is(".") && i + 2 < tokens.size() && tokens.get(i + 2).is("(")) {
        problems.add(text("deployment.expression.tableMethod", shorten(text)));
      }
    }
    return problems;
  }

  private static int indexOfExpression(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
  }

  /** The index of the brace that closes the expression whose body starts at {@code from}, or -1. */
  private static int endOfExpression(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private enum Kind { IDENTIFIER, STRING, NUMBER, SYMBOL }

  private record Token(Kind kind, String text) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }
  }

  private static boolean at(List<Token> tokens, int index, String symbol) {
    return index < tokens.size() && tokens.get(index).is(symbol);
  }

  private static List<Token> tokens(String body) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < body.length() && body.charAt(j) != c) {
          j += body.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= body.length()) {
          throw new IllegalArgumentException("a string is not closed");
        }
        tokens.add(new Token(Kind.STRING, body.substring(i + 1, j)));
        i = j + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < body.length() && Character.isJavaIdentifierPart(body.charAt(j))) {
          j++;
        }
        tokens.add(new Token(Kind.IDENTIFIER, body.substring(i, j)));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < body.length() && (Character.isDigit(body.charAt(j)) || body.charAt(j) == '.'
            || Character.toLowerCase(body.charAt(j)) == 'e')) {
          j++;
        }
        tokens.add(new Token(Kind.NUMBER, body.substring(i, j)));
        i = j;
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
  }
}
