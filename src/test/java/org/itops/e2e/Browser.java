package org.itops.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing is downloaded), on the webapps of
 * the suite under test. Screenshots go to {@code target/e2e/}; each file name is printed, so that CI's log lists
 * them.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "e2e");
  private static final AtomicInteger SHOT = new AtomicInteger();
  private static final String CHROMIUM = System.getProperty("itops.e2e.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("itops.e2e.chromedriver", "/usr/bin/chromedriver");

  private final String baseUrl;
  private final Locale language;
  private final JsonNode tasklistTexts;
  private WebDriver driver;
  private WebDriverWait wait;

  Browser(int port) {
    this(port, Locale.ENGLISH);
  }

  /** A browser that asks the webapps for the language (en or zh-CN), as the browser of a person there would. */
  Browser(int port, Locale language) {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("The end-to-end tests need Debian's Chromium and chromedriver at " + CHROMIUM
          + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run does)");
    }
    baseUrl = "http://127.0.0.1:" + port;
    this.language = language;
    // Tasklist's own texts in that language (the webjar's en.json, the suite's zh.json), to find its messages
    String locale = "/META-INF/resources/webjars/camunda/app/tasklist/locales/" + language.getLanguage() + ".json";
    try (InputStream in = Browser.class.getResourceAsStream(locale)) {
      tasklistTexts = new ObjectMapper().readTree(in).path("labels");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + locale, e);
    }
    if (!tasklistTexts.has("FORM_FAILURE")) {
      // without it every text of the page would count as a form failure
      throw new IllegalStateException(locale + " has no labels.FORM_FAILURE");
    }
  }

  /** A fresh browser, with an empty profile: nobody is logged in. */
  private void start() {
    close();
    Path profile;
    try {
      profile = Files.createTempDirectory("itops-e2e-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1400,1100", "--user-data-dir=" + profile,
        "--lang=" + language.toLanguageTag());
    // navigator.languages, from which the webapps choose their locale, and the Accept-Language header
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.toLanguageTag()));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // Tasklist's first load takes over 15 s on a machine that other builds keep busy
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Logs into a webapp (tasklist, cockpit, admin) as a demo user, in a fresh browser. */
  void login(String app, String user) {
    start();
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    // the first page of a webapp after the start also sets up its REST applications and plugins: a minute or more
    // on a machine that other builds keep busy
    new WebDriverWait(driver, Duration.ofMinutes(3))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  // --- the portal --------------------------------------------------------------------------------------

  /** Logs into the portal as a demo user, in a fresh browser, with the keyboard only (typing, Tab, Enter). */
  void portalLogin(String user) {
    sessionLogin("/portal/", user);
    visible(By.id("nav"));
  }

  /** Logs into a page of the portal's session (the portal, the what-if) the same way; the page shows its view next. */
  void sessionLogin(String page, String user) {
    start();
    driver.get(baseUrl + page);
    WebElement name = new WebDriverWait(driver, Duration.ofMinutes(1))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
    name.sendKeys(user);
    name.sendKeys(Keys.TAB);
    driver.switchTo().activeElement().sendKeys(user, Keys.ENTER);
  }

  // --- the keyboard ------------------------------------------------------------------------------------

  /** Types text or presses keys on the element that has the focus, as a person at the keyboard does. */
  void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /**
   * Presses Tab until the element has the focus, as a person moves through the page; the focus must be visible at
   * every stop. Answers the element.
   */
  WebElement tabTo(By target) {
    return moveFocusTo(target, () -> press(Keys.TAB));
  }

  /** The same backwards, with Shift+Tab. */
  WebElement tabBackTo(By target) {
    return moveFocusTo(target, () -> new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT)
        .perform());
  }

  private WebElement moveFocusTo(By target, Runnable step) {
    WebElement wanted = wait.until(ExpectedConditions.presenceOfElementLocated(target)); // a skip link is off screen
    List<String> stops = new ArrayList<>();
    while (stops.size() < 60) {
      step.run();
      WebElement reached = focusShown();
      if (reached.equals(wanted)) {
        return wanted;
      }
      stops.add(reached.getTagName() + " " + reached.getText());
    }
    screenshot("focus-did-not-reach");
    throw new AssertionError("The keyboard's focus did not reach " + target + " but " + stops);
  }

  /** Gives the focused file field a file, as choosing it in the dialog that Enter opens would. */
  void attach(Path file) {
    focused().sendKeys(file.toAbsolutePath().toString());
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /**
   * The element that has the focus, which must show it: an outline of at least 2 px, as :focus-visible draws. The
   * focus may also be in the element's own parts (a date field's calendar button, which Tab reaches inside it): then
   * the element is :focus-within and must show that.
   */
  WebElement focusShown() {
    String hidden = (String) ((JavascriptExecutor) driver).executeScript("""
        const focused = document.activeElement;
        const style = getComputedStyle(focused);
        const inItsParts = !focused.matches(':focus') && focused.matches(':focus-within');
        return focused !== document.body && (focused.matches(':focus-visible') || inItsParts)
            && style.outlineStyle !== 'none'
            && parseFloat(style.outlineWidth) >= 2 ? ''
            : `${focused.outerHTML.substring(0, 160)} (outline ${style.outlineStyle} ${style.outlineWidth})`;""");
    if (!hidden.isEmpty()) {
      screenshot("focus-not-shown");
      throw new AssertionError("The focus is not visible on " + hidden);
    }
    return focused();
  }

  /** Waits until the element has the focus (after a view changed, for instance) and answers it. */
  WebElement focusOn(By target) {
    eventually(() -> focused().equals(driver.findElement(target)), "the focus on " + target);
    return focusShown();
  }

  /** Reloads the page, as F5 does. */
  void reload() {
    driver.navigate().refresh();
  }

  /** Sets the width of the browser window (the page's viewport follows). */
  void width(int pixels) {
    driver.manage().window().setSize(new Dimension(pixels, 900));
  }

  /** Whether the page is wider than the window, so that it scrolls sideways. */
  boolean scrollsSideways() {
    return (Boolean) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }

  /** The fields (input, select, textarea) that have no label, by their id or name. */
  @SuppressWarnings("unchecked")
  List<String> fieldsWithoutLabel() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript("""
        return [...document.querySelectorAll('input, select, textarea')]
            .filter((field) => field.type !== 'hidden' && field.labels.length === 0
                && !field.getAttribute('aria-label'))
            .map((field) => field.id || field.name || field.outerHTML);""");
  }

  /** Loads the page afresh (Tasklist is a single-page app: a new hash alone keeps dialogs open). */
  void open(String path) {
    driver.get("about:blank");
    driver.get(baseUrl + path);
  }

  // --- Tasklist ---------------------------------------------------------------------------------------

  /**
   * Opens, from the filter, the task of that name whose form shows the record number (the list is reloaded until
   * it appears: tasks follow mail steps that the job executor runs).
   */
  void openTask(String filter, String taskName, String record) {
    eventually(() -> {
      click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),\"" + filter + "\")]"));
      sleep(700);
      int cards = driver.findElements(By.cssSelector(".tasks-list li h4.task a")).size();
      for (int i = 0; i < cards; i++) {
        WebElement link = driver.findElements(By.cssSelector(".tasks-list li h4.task a")).get(i);
        if (link.getText().trim().equals(taskName)) {
          link.click();
          formReady();
          if (formText().contains(record)) {
            return true;
          }
        }
      }
      return false;
    }, "task " + taskName + " of " + record + " in filter " + filter);
  }

  /**
   * Opens a task in Tasklist. When Tasklist is already open, only its address changes (no reload: the app stays
   * loaded) and the shown form is awaited to go away first, so that the next form found is the new task's. A
   * dialog (a start form) would stay open over a new address: then the page is loaded afresh.
   */
  void openTaskById(String taskId) {
    String path = "/camunda/app/tasklist/default/#/?task=" + taskId;
    List<WebElement> shownForm = driver.findElements(By.cssSelector(".fjs-form"));
    if (shownForm.isEmpty() || !driver.findElements(By.cssSelector(".modal-dialog")).isEmpty()
        || !driver.getCurrentUrl().startsWith(baseUrl + "/camunda/app/tasklist/")) {
      open(path);
      return;
    }
    driver.get(baseUrl + path);
    wait.until(ExpectedConditions.stalenessOf(shownForm.get(0)));
  }

  void claim() {
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  void complete() {
    click(By.cssSelector("button[ng-click='complete()']"));
  }

  void startProcess(String processName) {
    click(By.xpath("//a[@ng-click='open()'][span[contains(@class,'glyphicon-list-alt')]]")); // "Start process"
    // the dialog pages its list: search for the process so that it is on the first page
    WebElement search = visible(By.cssSelector("div.modal-content input[type='text']"));
    search.clear();
    search.sendKeys(processName);
    click(By.xpath("//div[contains(@class,'modal-content')]//a[normalize-space(.)='" + processName + "']"));
    formReady();
  }

  void submitStartForm() {
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));
  }

  /** Waits until a Camunda Form (form-js) or Tasklist's form failure is on the page, and its fields are drawn. */
  void formReady() {
    formAppeared();
    sleep(300);
  }

  /** Waits until a Camunda Form (form-js) or Tasklist's form failure is on the page; its fields may follow. */
  void formAppeared() {
    wait.until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty() || !formFailures().isEmpty());
  }

  /**
   * The texts of Tasklist's "Form failure" messages that are shown. One script in the page: asking chromedriver
   * element by element took seconds per form.
   */
  @SuppressWarnings("unchecked")
  List<String> formFailures() {
    String formFailure = formFailureLabel();
    return (List<String>) ((JavascriptExecutor) driver).executeScript("""
        const found = document.evaluate("//*[contains(text(), '" + arguments[0] + "')]", document, null,
            XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
        const shown = [];
        for (let i = 0; i < found.snapshotLength; i++) {
          const element = found.snapshotItem(i);
          if (element.checkVisibility()) {
            shown.push(element.innerText);
          }
        }
        return shown;""", formFailure);
  }

  boolean speaksEnglish() {
    return language.getLanguage().equals("en");
  }

  /** What Tasklist writes before a form failure, in the browser's language ("Form failure", "表单错误"). */
  String formFailureLabel() {
    return tasklistTexts.path("FORM_FAILURE").asText().replaceAll("[:：]$", "");
  }

  /** The validation messages form-js shows under fields. */
  List<String> fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  /** The shown form field (by the component id of the .form file). */
  WebElement field(String componentId) {
    return visible(By.cssSelector("[id$='-" + componentId + "']"));
  }

  /**
   * Of the form fields (by the component ids and types of the .form file), those not shown. One script in the page,
   * as {@link #formFailures()}.
   */
  @SuppressWarnings("unchecked")
  List<String> hiddenFields(Map<String, String> typeByComponentId) {
    Map<String, String> componentIdBySuffix = new LinkedHashMap<>();
    typeByComponentId.forEach((componentId, type) -> componentIdBySuffix.put(switch (type) {
      case "radio", "checklist" -> componentId + "-0";
      case "datetime" -> componentId + "-date";
      case "select" -> componentId + "-display";
      default -> componentId;
    }, componentId));
    List<String> hiddenSuffixes = (List<String>) ((JavascriptExecutor) driver).executeScript("""
        return arguments[0].filter((suffix) => ![...document.querySelectorAll("[id$='-" + suffix + "']")]
            .some((element) => element.checkVisibility()));""", List.copyOf(componentIdBySuffix.keySet()));
    return hiddenSuffixes.stream().map(componentIdBySuffix::get).toList();
  }

  String fieldValue(String componentId) {
    return field(componentId).getDomProperty("value");
  }

  void type(String componentId, String text) {
    WebElement field = field(componentId);
    field.clear();
    field.sendKeys(text);
  }

  void choose(String radioComponentId, String label) {
    click(By.xpath("//label[contains(@for,'-" + radioComponentId + "-') and normalize-space(.)='" + label + "']"));
  }

  void select(String selectComponentId, String label) {
    click(By.cssSelector("[id$='-" + selectComponentId + "-display']"));
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']"));
  }

  /**
   * Searches the record in Cockpit's "Find a record" until an instance in the given state is listed (the state as
   * the plugin shows it in the browser's language).
   */
  void findRecordInCockpit(String record, String state) {
    eventually(() -> {
      visible(By.cssSelector(".itops-record-key")).clear();
      visible(By.cssSelector(".itops-record-key")).sendKeys(record);
      click(By.cssSelector(".itops-record-search button"));
      sleep(700);
      return pageText().contains(state);
    }, "an instance of " + record + " in state " + state + " in Cockpit");
  }

  String formText() {
    return visible(By.cssSelector(".fjs-form")).getText();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  boolean isShown(By by) {
    return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks once the element can be clicked; Tasklist's notifications may cover it for a moment. */
  void click(By by) {
    eventually(() -> {
      WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
      element.click();
      return true;
    }, "a click on " + by);
  }

  /** Saves a screenshot as target/e2e/NN-name.png (NN-zh-CN-name.png in Chinese) and prints its name. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      String prefix = speaksEnglish() ? "" : language.toLanguageTag() + "-";
      Path file = SCREENSHOTS.resolve("%02d-%s%s.png".formatted(SHOT.incrementAndGet(), prefix, name));
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
          StandardCopyOption.REPLACE_EXISTING);
      System.out.println("e2e screenshot: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void eventually(Supplier<Boolean> condition, String what) {
    long end = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < end) {
      try {
        if (condition.get()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the page is still changing
      }
      sleep(500);
    }
    screenshot("timeout");
    throw new AssertionError("Timed out waiting for " + what);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
