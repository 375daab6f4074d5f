package org.itops.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.itops.SuiteClient;

/** The portal's page as the tests play it over real HTTP: a browser's cookies, the session's CSRF token. */
final class PortalClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser;
  private String csrfToken;

  PortalClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.browser = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Opens the page's session (GET /portal/session) and keeps its CSRF token; answers the session's JSON. */
  JsonNode open() {
    JsonNode session = json(get("/portal/session"));
    csrfToken = session.path("csrfToken").asText();
    return session;
  }

  /** Opens the session and logs in as the page does; answers the login's response. */
  HttpResponse<String> login(String user, String password) {
    open();
    HttpResponse<String> login = send("POST", "/portal/login",
        "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}", true);
    if (login.statusCode() == 200) {
      csrfToken = json(login).path("csrfToken").asText();
    }
    return login;
  }

  /** Logged in with a demo user's password (its name). */
  PortalClient loggedInAs(String user) {
    HttpResponse<String> login = login(user, user);
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " " + login.body());
    }
    return this;
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, true);
  }

  /** A page or file as the browser loads it. */
  HttpResponse<String> page(String path) {
    return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,*/*").GET());
  }

  /** A JSON request as the page sends it, with the CSRF token. */
  HttpResponse<String> send(String method, String path, String json) {
    return send(method, path, json, true);
  }

  /** A JSON request with or without the CSRF token. */
  HttpResponse<String> send(String method, String path, String json, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept",
        "application/json").method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (withToken && csrfToken != null) {
      request.header("X-CSRF-Token", csrfToken);
    }
    return exchange(request);
  }

  /** A file uploaded as the page uploads it (multipart, part {@code file}), with or without the CSRF token. */
  HttpResponse<String> upload(String path, String fileName, byte[] content, boolean withToken) {
    String boundary = "----portal" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept",
        "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofByteArray(content),
            BodyPublishers.ofByteArray(tail)));
    if (withToken) {
      request.header("X-CSRF-Token", csrfToken);
    }
    return exchange(request);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    return SuiteClient.send(browser, request);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
