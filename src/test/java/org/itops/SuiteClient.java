package org.itops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Real HTTP calls to the running suite, as a user (HTTP Basic, password = user name for demo users). */
public final class SuiteClient {

  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  public SuiteClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String user, String path) {
    return send(request(user, path).GET());
  }

  public HttpResponse<String> postJson(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String user, String path, String json) {
    return send(request(user, path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postMultipart(String user, String path, String boundary, byte[] body) {
    return send(multipart(user, path, boundary, body));
  }

  private HttpRequest.Builder multipart(String user, String path, String boundary, byte[] body) {
    return request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofByteArray(body));
  }

  /** Uploads a file as a browser does: multipart, in the part {@code file}, its name as UTF-8 in the part's header. */
  public HttpResponse<String> upload(String user, String path, String fileName, byte[] content) {
    return send(fileUpload(user, path, fileName, content));
  }

  /** The request of {@link #upload}, to add headers to. */
  public HttpRequest.Builder fileUpload(String user, String path, String fileName, byte[] content) {
    String boundary = "----attachment" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** Deploys the files (name: content) as Camunda Modeler does, to the engine REST API. */
  public HttpResponse<String> deployAsModeler(String user, String deploymentName, Map<String, byte[]> files) {
    return send(modelerDeployment(user, deploymentName, files));
  }

  /** The request with which Camunda Modeler deploys the files (name: content) to the engine REST API. */
  public HttpRequest.Builder modelerDeployment(String user, String deploymentName, Map<String, byte[]> files) {
    String boundary = "----modeler" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"deployment-name", deploymentName},
        {"deployment-source", "Camunda Modeler"}}) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
          + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return multipart(user, "/engine-rest/deployment/create", boundary, body.toByteArray());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return send(http, request);
  }

  /** Sends the request with {@code client} (a browser's, with its cookies), the body as a string. */
  public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return client.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with the Basic credentials of a demo user; {@code user == null} sends no credentials. */
  public HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (user != null) {
      builder.header("Authorization", basic(user, user));
    }
    return builder;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Logs into a webapp the way the browser does (session cookie and CSRF token) and answers the login's status.
   */
  public int webappLogin(String user, String password, String app) {
    return webappSession(user, password, app).loginStatus();
  }

  /** A browser's session in the webapps: the login's status, and requests with the session's cookie and CSRF token. */
  public record WebappSession(int loginStatus, HttpClient browser, String baseUrl, String csrf) {
    public HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    /** A JSON request as the webapps send it, with the CSRF token. */
    public HttpResponse<String> sendJson(String method, String path, String json) {
      return send(json(method, path, json));
    }

    /** A JSON request as a browser asking for that language sends it. */
    public HttpResponse<String> sendJson(String method, String path, String json, String acceptLanguage) {
      return send(json(method, path, json).header("Accept-Language", acceptLanguage));
    }

    private HttpRequest.Builder json(String method, String path, String json) {
      return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
          .method(method, BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return browser.send(request.build(), BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Logs into a webapp the way the browser does and keeps the session. */
  public WebappSession webappSession(String user, String password, String app) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
          URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET().build(), BodyHandlers.ofString());
      String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
      BodyPublisher form = BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
      int status = browser.send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrf)
          .POST(form).build(), BodyHandlers.ofString()).statusCode();
      // the login starts a new session with a token of its own, as the browser reads it from its next page
      HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(
          URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET().build(), BodyHandlers.ofString());
      return new WebappSession(status, browser, baseUrl,
          loggedIn.headers().firstValue("X-XSRF-TOKEN").orElse(csrf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

}
