// The load generator of bench/rush, bench/scale-out and bench/lists: plain JDK 17, no libraries.
// Run it as a single-file source program:
//
//   java bench/RushClient.java tokens <baseUrl> <accountsFile> <tokensFile> [userType] [parallel]
//       signs every account of accountsFile (one account a line, password Demo@2026 or $PASSWORD)
//       in through POST /api/v1/auth/token, `parallel` at a time (default 4), and writes one
//       token a line to tokensFile, in the same order.
//   java bench/RushClient.java rush <baseUrl[,baseUrl2]> <classId> <tokensFile> [concurrency]
//       posts {} to /api/v1/classes/{classId}/registrations once per token: `concurrency`
//       (default 400) threads released together by a latch, each sending its next request as soon
//       as its previous one is answered, requests spread over the base URLs in turn. 201 counts as
//       registered, 409 CLASS_FULL as an expected refusal, anything else as an error.
//   java bench/RushClient.java get <url> <token> <requests> [concurrency]
//       GETs one URL (an API path with the bearer token, or a page with `cookie:<name=value>`, the
//       session cookie, as token) `requests` times after 20 warm-up requests and prints p50/p95/p99.
//
// Every mode ends with one line starting with RESULT, key=value pairs, read by the scripts.

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RushClient {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      usage();
    }
    switch (args[0]) {
      case "tokens" -> tokens(args);
      case "rush" -> rush(args);
      case "get" -> get(args);
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println(
        "usage: RushClient tokens <baseUrl> <accountsFile> <tokensFile> [userType] [parallel]\n"
            + "       RushClient rush <baseUrl[,baseUrl2]> <classId> <tokensFile> [concurrency]\n"
            + "       RushClient get <url> <token|cookie:name=value> <requests> [concurrency]");
    System.exit(2);
  }

  private static HttpClient client(int threads) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newFixedThreadPool(Math.max(2, Math.min(threads, 16))))
        .build();
  }

  // ---------------------------------------------------------------- tokens

  private static void tokens(String[] args) throws Exception {
    if (args.length < 4) {
      usage();
    }
    String base = stripSlash(args[1]);
    List<String> accounts =
        Files.readAllLines(Path.of(args[2])).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    Path out = Path.of(args[3]);
    String userType = args.length > 4 ? args[4] : "MEMBER";
    int parallel = args.length > 5 ? Integer.parseInt(args[5]) : 4;
    String password = System.getenv().getOrDefault("PASSWORD", "Demo@2026");
    HttpClient http = client(parallel);
    String[] tokens = new String[accounts.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long begin = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    for (int t = 0; t < parallel; t++) {
      pool.submit(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < accounts.size()) {
              String body =
                  "{\"userType\":\"%s\",\"account\":\"%s\",\"password\":\"%s\"}"
                      .formatted(userType, accounts.get(i), password);
              try {
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = TOKEN.matcher(r.body());
                if (r.statusCode() == 200 && m.find()) {
                  tokens[i] = m.group(1);
                } else if (failed.incrementAndGet() <= 5) {
                  System.err.println(
                      "token for " + accounts.get(i) + ": " + r.statusCode() + " " + r.body());
                }
              } catch (Exception e) {
                if (failed.incrementAndGet() <= 5) {
                  System.err.println("token for " + accounts.get(i) + ": " + e);
                }
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - begin) / 1e9;
    List<String> lines = new ArrayList<>();
    for (String t : tokens) {
      if (t != null) {
        lines.add(t);
      }
    }
    Files.write(out, lines);
    System.out.printf(
        "RESULT tokens=%d failed=%d seconds=%.1f per_second=%.1f%n",
        lines.size(), failed.get(), seconds, lines.size() / seconds);
    System.exit(failed.get() == 0 ? 0 : 1);
  }

  // ---------------------------------------------------------------- rush

  private static void rush(String[] args) throws Exception {
    if (args.length < 4) {
      usage();
    }
    String[] bases = Arrays.stream(args[1].split(",")).map(RushClient::stripSlash).toArray(String[]::new);
    long classId = Long.parseLong(args[2]);
    List<String> tokens =
        Files.readAllLines(Path.of(args[3])).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 400;
    int n = tokens.size();
    concurrency = Math.min(concurrency, n);
    long[] latency = new long[n];
    int[] status = new int[n];
    String[] code = new String[n];
    AtomicInteger next = new AtomicInteger();
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    AtomicInteger errorsShown = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(concurrency);
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastDone = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      futures.add(
          pool.submit(
              () -> {
                Wire[] wires = new Wire[bases.length];
                for (int b = 0; b < bases.length; b++) {
                  wires[b] = new Wire(bases[b]);
                }
                ready.countDown();
                go.await();
                int i;
                while ((i = next.getAndIncrement()) < n) {
                  Wire wire = wires[i % bases.length];
                  String path = "/api/v1/classes/" + classId + "/registrations";
                  long begin = System.nanoTime();
                  firstSent.accumulateAndGet(begin, Math::min);
                  String key;
                  try {
                    Wire.Answer r = wire.send("POST", path, "Bearer " + tokens.get(i), "{}");
                    status[i] = r.status();
                    Matcher m = CODE.matcher(r.body());
                    code[i] = r.status() >= 400 && m.find() ? m.group(1) : "";
                    key = r.status() + (code[i].isEmpty() ? "" : " " + code[i]);
                    if (!expected(status[i], code[i]) && errorsShown.incrementAndGet() <= 5) {
                      System.err.println("unexpected answer: " + r.status() + " " + r.body());
                    }
                  } catch (Exception e) {
                    status[i] = -1;
                    code[i] = e.getClass().getSimpleName();
                    key = "exception " + code[i];
                    if (errorsShown.incrementAndGet() <= 5) {
                      System.err.println("request failed: " + e);
                    }
                  }
                  long end = System.nanoTime();
                  latency[i] = end - begin;
                  lastDone.accumulateAndGet(end, Math::max);
                  outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
              }));
    }
    ready.await();
    go.countDown();
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (lastDone.get() - firstSent.get()) / 1e9;
    int created = 0;
    int full = 0;
    int errors = 0;
    for (int i = 0; i < n; i++) {
      if (status[i] == 201) {
        created++;
      } else if (expected(status[i], code[i])) {
        full++;
      } else {
        errors++;
      }
    }
    long[] sorted = latency.clone();
    Arrays.sort(sorted);
    System.out.println("answers: " + new TreeMap<>(outcomes));
    System.out.printf(
        "RESULT n=%d concurrency=%d seconds=%.2f rps=%.1f p50=%.0f p95=%.0f p99=%.0f max=%.0f"
            + " created=%d full=%d errors=%d%n",
        n,
        concurrency,
        seconds,
        n / seconds,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
        ms(sorted[n - 1]),
        created,
        full,
        errors);
    System.exit(0);
  }

  private static boolean expected(int status, String code) {
    return status == 201 || (status == 409 && "CLASS_FULL".equals(code));
  }

  // ---------------------------------------------------------------- get

  private static void get(String[] args) throws Exception {
    if (args.length < 4) {
      usage();
    }
    String url = args[1];
    String token = args[2];
    int requests = Integer.parseInt(args[3]);
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    URI uri = URI.create(url);
    String base = uri.getScheme() + "://" + uri.getAuthority();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String credential = token.startsWith("cookie:") ? token : "Bearer " + token;
    int bytes = 0;
    try (Wire warm = new Wire(base)) {
      for (int i = 0; i < 20; i++) {
        Wire.Answer r = warm.send("GET", path, credential, null);
        if (r.status() != 200) {
          System.err.println("GET " + url + ": " + r.status() + " " + abbreviate(r.body()));
          System.exit(1);
        }
        bytes = r.body().length();
      }
    }
    long[] latency = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long begin = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      pool.submit(
          () -> {
            try (Wire wire = new Wire(base)) {
              int i;
              while ((i = next.getAndIncrement()) < requests) {
                long b = System.nanoTime();
                Wire.Answer r = wire.send("GET", path, credential, null);
                latency[i] = System.nanoTime() - b;
                if (r.status() != 200) {
                  errors.incrementAndGet();
                }
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - begin) / 1e9;
    Arrays.sort(latency);
    System.out.printf(
        "RESULT requests=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d bytes=%d%n",
        requests,
        requests / seconds,
        ms(percentile(latency, 50)),
        ms(percentile(latency, 95)),
        ms(percentile(latency, 99)),
        ms(latency[requests - 1]),
        errors.get(),
        bytes);
    System.exit(errors.get() == 0 ? 0 : 1);
  }

  // ---------------------------------------------------------------- the wire

  /**
   * One keep-alive HTTP/1.1 connection on a plain socket. java.net.http's HttpClient spent a whole
   * core of this 2-core machine at 400 connections (measured: 240 GET/s against 1,077 with wrk), so
   * the timed modes write and read requests themselves: a blocking socket per thread costs a write
   * and a read system call per request.
   */
  static final class Wire implements AutoCloseable {
    record Answer(int status, String body) {}

    private final String host;
    private final int port;
    private java.net.Socket socket;
    private java.io.InputStream in;
    private java.io.OutputStream out;

    Wire(String base) {
      URI uri = URI.create(base);
      this.host = uri.getHost();
      this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    Answer send(String method, String path, String credential, String body) throws Exception {
      if (socket == null) {
        socket = new java.net.Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
      }
      StringBuilder head = new StringBuilder(512);
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ");
      head.append(host).append(':').append(port).append("\r\n");
      if (credential.startsWith("cookie:")) {
        head.append("Cookie: ").append(credential.substring(7)).append("\r\n");
      } else {
        head.append("Authorization: ").append(credential).append("\r\n");
      }
      byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ");
        head.append(payload.length).append("\r\n");
      }
      head.append("\r\n");
      try {
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        return read();
      } catch (Exception e) {
        close();
        throw e;
      }
    }

    private Answer read() throws Exception {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      int length = -1;
      boolean chunked = false;
      boolean closing = false;
      String h;
      while (!(h = line()).isEmpty()) {
        String lower = h.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closing = true;
        }
      }
      java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
      if (chunked) {
        int size;
        while ((size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0) {
          content.write(in.readNBytes(size));
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        content.write(in.readNBytes(length));
      }
      if (closing) {
        close();
      }
      return new Answer(status, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws Exception {
      StringBuilder b = new StringBuilder(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new java.io.EOFException("connection closed");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    @Override
    public void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (Exception ignored) {
        // closing anyway
      } finally {
        socket = null;
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
