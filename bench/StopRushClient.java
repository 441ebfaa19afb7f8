// The rush of bench/scale-out with one instance stopped in its middle (issue 16 point 6). JDK 17
// only, plain sockets as in RushClient (a file of its own: RushClient is the timed client).
//
//   java StopRushClient <baseUrl> <classId> <tokensFile> <concurrency> <stopAfter> <pid> <answersFile>
//
// Posts {} to /api/v1/classes/{classId}/registrations once per token through one base URL (nginx),
// `concurrency` threads each with its own keep-alive connection. Once `stopAfter` registrations
// have been answered 201, sends SIGTERM to process `pid` (an instance behind nginx). A request
// answered 502, 503 or 504, or whose connection failed, is sent again (at most 5 times, 200 ms
// apart) with the same Idempotency-Key, as a client of the API would after a 503: nginx itself
// does not resend a POST that reached an instance. 409 ALREADY_REGISTERED (an earlier attempt
// registered) counts as 200. Writes "<token line> <final status>" a line to answersFile and ends with
//   RESULT n=.. created=.. again=.. full=.. errors=.. retried=.. retries=.. stopped_after=..
//          after_stop=.. after_stop_by=<upstream>:<count>,.. seconds=..
// where after_stop counts the answers (201, 200 or 409 CLASS_FULL) received after the SIGTERM,
// by the upstream nginx names in its X-Upstream header.

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class StopRushClient {

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println(
          "usage: StopRushClient <baseUrl> <classId> <tokensFile> <concurrency> <stopAfter> <pid>"
              + " <answersFile>");
      System.exit(2);
    }
    String base = args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0];
    String path = "/api/v1/classes/" + Long.parseLong(args[1]) + "/registrations";
    List<String> tokens =
        Files.readAllLines(Path.of(args[2])).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    int n = tokens.size();
    int concurrency = Math.min(Integer.parseInt(args[3]), n);
    int stopAfter = Integer.parseInt(args[4]);
    long pid = Long.parseLong(args[5]);
    Path answersFile = Path.of(args[6]);

    int[] status = new int[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
    AtomicInteger stoppedAfter = new AtomicInteger(-1);
    AtomicInteger afterStop = new AtomicInteger();
    Map<String, AtomicInteger> afterStopBy = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    AtomicInteger shown = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(concurrency);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> futures = new ArrayList<>();
    long begin = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      futures.add(
          pool.submit(
              () -> {
                Wire wire = new Wire(base);
                ready.countDown();
                go.await();
                int i;
                while ((i = next.getAndIncrement()) < n) {
                  Wire.Answer r = null;
                  for (int attempt = 0; attempt < 6; attempt++) {
                    if (attempt > 0) {
                      retries.incrementAndGet();
                      if (attempt == 1) {
                        retried.incrementAndGet();
                      }
                      Thread.sleep(200);
                    }
                    try {
                      r = wire.send(path, "Bearer " + tokens.get(i), "{}", "stop-rush-" + args[1] + "-" + i);
                    } catch (Exception e) {
                      r = new Wire.Answer(-1, e.getClass().getSimpleName(), "");
                    }
                    if (r.status() != 502 && r.status() != 503 && r.status() != 504 && r.status() != -1) {
                      break;
                    }
                  }
                  if (r.status() == 409 && r.body().contains("\"ALREADY_REGISTERED\"")) {
                    r = new Wire.Answer(200, r.body(), r.upstream()); // an earlier attempt registered
                  }
                  status[i] = r.status();
                  boolean full = r.status() == 409 && r.body().contains("\"CLASS_FULL\"");
                  String key = r.status() + (full ? " CLASS_FULL" : "");
                  outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                  if (r.status() != 201 && r.status() != 200 && !full && shown.incrementAndGet() <= 5) {
                    System.err.println("unexpected answer from " + r.upstream() + ": " + r.status() + " " + r.body());
                  }
                  if (System.nanoTime() > stoppedAt.get()
                      && (r.status() == 201 || r.status() == 200 || full)) {
                    afterStop.incrementAndGet();
                    afterStopBy.computeIfAbsent(r.upstream(), k -> new AtomicInteger()).incrementAndGet();
                  }
                  if (r.status() == 201
                      && created.incrementAndGet() >= stopAfter
                      && stopped.compareAndSet(false, true)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM
                    stoppedAt.set(System.nanoTime());
                    stoppedAfter.set(created.get());
                    System.err.println("SIGTERM sent to " + pid + " after " + created.get() + " registrations");
                  }
                }
                wire.close();
                return null;
              }));
    }
    ready.await();
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - begin) / 1e9;
    List<String> lines = new ArrayList<>();
    int ok201 = 0;
    int ok200 = 0;
    int full = 0;
    for (int i = 0; i < n; i++) {
      lines.add((i + 1) + " " + status[i]);
    }
    for (var e : outcomes.entrySet()) {
      switch (e.getKey()) {
        case "201" -> ok201 = e.getValue().get();
        case "200" -> ok200 = e.getValue().get();
        case "409 CLASS_FULL" -> full = e.getValue().get();
        default -> {}
      }
    }
    Files.write(answersFile, lines);
    StringBuilder by = new StringBuilder();
    new TreeMap<>(afterStopBy).forEach((k, v) -> by.append(by.isEmpty() ? "" : ",").append(k).append(':').append(v));
    System.out.println("answers: " + new TreeMap<>(outcomes));
    System.out.printf(
        "RESULT n=%d created=%d again=%d full=%d errors=%d retried=%d retries=%d stopped_after=%d"
            + " after_stop=%d after_stop_by=%s seconds=%.2f%n",
        n, ok201, ok200, full, n - ok201 - ok200 - full, retried.get(), retries.get(),
        stoppedAfter.get(), afterStop.get(), by.isEmpty() ? "-" : by, seconds);
  }

  /** One keep-alive HTTP/1.1 connection on a plain socket (as RushClient's). */
  static final class Wire {
    record Answer(int status, String body, String upstream) {}

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

    Answer send(String path, String credential, String body, String key) throws Exception {
      if (socket == null) {
        socket = new java.net.Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
      }
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST " + path + " HTTP/1.1\r\nHost: " + host + ':' + port + "\r\nAuthorization: "
              + credential + "\r\nIdempotency-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
              + payload.length + "\r\n\r\n";
      try {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        return read();
      } catch (Exception e) {
        close();
        throw e;
      }
    }

    private Answer read() throws Exception {
      int status = Integer.parseInt(line().split(" ")[1]);
      int length = -1;
      boolean chunked = false;
      boolean closing = false;
      String upstream = "-";
      String h;
      while (!(h = line()).isEmpty()) {
        String lower = h.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closing = true;
        } else if (lower.startsWith("x-upstream:")) {
          upstream = h.substring(11).trim().replace(' ', '_');
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
      return new Answer(status, content.toString(StandardCharsets.UTF_8), upstream);
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

    void close() {
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
}
