package org.cmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * SIGTERM behind nginx (ADR 0041): closing the application (what the JVM's shutdown hook does on
 * SIGTERM) turns readiness to REFUSING_TRAFFIC, refuses new connections at once, and still answers
 * the request in hand (server.shutdown=graceful) before it stops. A context of its own, closed
 * here.
 */
class GracefulShutdownTest {

  static final CountDownLatch entered = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);

  /** A request that waits for the test's word before it answers. */
  @Configuration(proxyBeanMethods = false)
  static class SlowRequest {
    @Bean
    FilterRegistrationBean<Filter> slowRequestFilter() {
      Filter slow =
          (request, response, chain) -> {
            entered.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            response.getWriter().write("answered");
          };
      FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(slow);
      bean.addUrlPatterns("/graceful-shutdown-test");
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return bean;
    }
  }

  @Test
  void aStoppingInstanceRefusesNewConnectionsAndAnswersTheRequestInHand() throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CmisApplication.class, SlowRequest.class)
            .profiles("test")
            .properties("server.port=0")
            .run();
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

    // a plain socket: java.net.http resends a GET on a fresh connection, which is refused here
    CompletableFuture<String> inHand = CompletableFuture.supplyAsync(() -> get(port));
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(availability.getReadinessState())
                  .isEqualTo(ReadinessState.REFUSING_TRAFFIC);
              assertThat(refused(port)).as("a new connection is refused").isTrue();
            });
    assertThat(closing).as("waits for the request in hand").isNotDone();

    release.countDown();
    String answer = inHand.get(30, TimeUnit.SECONDS);
    assertThat(answer).startsWith("HTTP/1.1 200").endsWith("answered");
    closing.get(30, TimeUnit.SECONDS);
    assertThat(context.isActive()).isFalse();
  }

  private static String get(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("GET /graceful-shutdown-test HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean refused(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }
}
