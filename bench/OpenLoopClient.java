// The open-loop load generator of bench/open-loop (issue 16): registrations sent at a fixed rate
// whatever the answers, wrk2-style. Request i is due at start + i / rate; a pool of threads (each
// with its own keep-alive connection, RushClient.Wire) takes the next request, waits for its due
// time and sends it. Its latency is measured from the due time, not from the moment a thread was
// free to send it, so a slow server is charged for the requests it held back (no coordinated
// omission). Latencies go into an HdrHistogram (org.hdrhistogram:HdrHistogram:2.2.2).
//
//   java -cp <dir>:HdrHistogram-2.2.2.jar OpenLoopClient <baseUrl> <classIds comma-separated>
//       <tokensFile> <rate per second> <seconds> [threads]
//
// Request i uses token i % T and class i / T (T = the number of tokens): a member registers at
// most once for each class, the script creates enough classes. 201 = registered, 409 CLASS_FULL =
// expected; anything else (or no answer within 30 s) is an error. Ends with one RESULT line.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

public class OpenLoopClient {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: OpenLoopClient <baseUrl> <classIds> <tokensFile> <rate> <seconds> [threads]");
      System.exit(2);
    }
    String base = args[0];
    String[] classes = args[1].split(",");
    List<String> tokens =
        Files.readAllLines(Path.of(args[2])).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    double rate = Double.parseDouble(args[3]);
    double seconds = Double.parseDouble(args[4]);
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1000;
    int total = (int) Math.round(rate * seconds);
    int t = tokens.size();
    if ((total + t - 1) / t > classes.length) {
      System.err.println("need " + ((total + t - 1) / t) + " classes for " + total + " requests");
      System.exit(2);
    }
    long periodNanos = (long) (1e9 / rate);
    Histogram histogram = new Histogram(3_600_000_000_000L, 3);
    Recorder recorder = new Recorder(3);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger full = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger shown = new AtomicInteger();
    // every thread opens its connection first: a connection is not part of a request's latency
    Thread[] pool = new Thread[threads];
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
    long[] start = new long[1];
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    for (int k = 0; k < threads; k++) {
      pool[k] =
          new Thread(
              () -> {
                RushClient.Wire wire = new RushClient.Wire(base);
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                int i;
                while ((i = next.getAndIncrement()) < total) {
                  long due = start[0] + i * periodNanos;
                  long wait;
                  while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  String path = "/api/v1/classes/" + classes[i / t] + "/registrations";
                  try {
                    RushClient.Wire.Answer r = wire.send("POST", path, "Bearer " + tokens.get(i % t), "{}");
                    Matcher m = CODE.matcher(r.body());
                    String code = r.status() >= 400 && m.find() ? m.group(1) : "";
                    if (r.status() == 201) {
                      created.incrementAndGet();
                    } else if (r.status() == 409 && code.equals("CLASS_FULL")) {
                      full.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                      if (shown.incrementAndGet() <= 5) {
                        System.err.println("unexpected answer: " + r.status() + " " + r.body());
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    if (shown.incrementAndGet() <= 5) {
                      System.err.println("request failed: " + e);
                    }
                  }
                  recorder.recordValue(Math.max(0, System.nanoTime() - due));
                }
                wire.close();
              });
      pool[k].setDaemon(true);
      pool[k].start();
    }
    ready.await();
    start[0] = System.nanoTime() + 100_000_000L;
    go.countDown();
    for (Thread th : pool) {
      th.join();
    }
    double elapsed = (System.nanoTime() - start[0]) / 1e9;
    histogram.add(recorder.getIntervalHistogram());
    System.out.printf(
        "RESULT rate=%.0f sent=%d seconds=%.2f achieved=%.1f p50=%.1f p99=%.1f p999=%.1f max=%.1f"
            + " created=%d full=%d errors=%d threads=%d%n",
        rate,
        total,
        elapsed,
        total / elapsed,
        histogram.getValueAtPercentile(50) / 1e6,
        histogram.getValueAtPercentile(99) / 1e6,
        histogram.getValueAtPercentile(99.9) / 1e6,
        histogram.getMaxValue() / 1e6,
        created.get(),
        full.get(),
        errors.get(),
        threads);
    System.exit(0);
  }
}
