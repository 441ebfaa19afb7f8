package org.cmis.identity.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, for what java.net.http will not do: send any
 * {@code Host} header, and connect from a chosen local address (127.0.0.2 is another machine to a
 * server that trusts only the proxy at 127.0.0.1).
 */
final class RawHttp {

  record Response(int status, List<String> headerLines, String body) {

    List<String> headers(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      List<String> values = new ArrayList<>();
      for (String line : headerLines) {
        if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          values.add(line.substring(prefix.length()).trim());
        }
      }
      return values;
    }

    String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    /** The Set-Cookie header of this cookie, or null. */
    String setCookie(String cookie) {
      return headers("Set-Cookie").stream()
          .filter(h -> h.startsWith(cookie + "="))
          .findFirst()
          .orElse(null);
    }

    /** name=value of every cookie set. */
    Map<String, String> cookies() {
      Map<String, String> cookies = new LinkedHashMap<>();
      for (String header : headers("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return cookies;
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  Response get(String from, String target, Map<String, String> headers) throws IOException {
    return send(from, "GET", target, headers, "");
  }

  Response send(String from, String method, String target, Map<String, String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      Map<String, String> all = new LinkedHashMap<>();
      all.put("Host", "127.0.0.1:" + port);
      all.putAll(headers);
      all.put("Connection", "close");
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      if (!body.isEmpty() || method.equals("POST")) {
        all.put("Content-Length", Integer.toString(content.length));
      }
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    int end = -1;
    for (int i = 0; i + 3 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new IOException("no complete answer: " + new String(raw, StandardCharsets.UTF_8));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String> headerLines = List.of(lines).subList(1, lines.length);
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headerLines.stream().anyMatch(h -> h.equalsIgnoreCase("Transfer-Encoding: chunked"))) {
      body = unchunk(body);
    }
    return new Response(status, headerLines, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(body);
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n' && c != -1) {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      if (size.isEmpty()) {
        break;
      }
      int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (n == 0) {
        break;
      }
      out.write(in.readNBytes(n));
      in.read();
      in.read();
    }
    return out.toByteArray();
  }
}
