package org.cmis.identity.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a captcha expression as a small PNG using a built-in stroke font, so it works on headless
 * servers without any fonts installed.
 */
public final class CaptchaImage {

  /** Image width in pixels. */
  public static final int WIDTH = 120;

  /** Image height in pixels. */
  public static final int HEIGHT = 40;

  // Glyphs are polylines on an 8 x 12 grid (x to the right, y downwards).
  private static final double GRID_W = 8;
  private static final double GRID_H = 12;
  private static final double BASE_SCALE = 1.8;
  private static final double GLYPH_GAP = 4;
  private static final double SPACE_GAP = 4;
  private static final double MARGIN = 5;

  private static final double[][] ZERO = {
    {3, 0, 5, 0, 7, 1, 8, 3.5, 8, 8.5, 7, 11, 5, 12, 3, 12, 1, 11, 0, 8.5, 0, 3.5, 1, 1, 3, 0}
  };
  private static final double[][] ONE = {{1.5, 2.5, 4.5, 0, 4.5, 12}, {1.5, 12, 7.5, 12}};
  private static final double[][] TWO = {
    {0.3, 3, 1, 1, 3, 0, 5, 0, 7, 1, 7.8, 3, 7.2, 5.2, 0, 12, 8, 12}
  };
  private static final double[][] THREE = {
    {0.2, 1.3, 2, 0, 6, 0, 7.6, 1.3, 7.8, 3.6, 6.3, 5.5, 3, 5.8},
    {6.3, 5.5, 8, 7.4, 8, 10, 6.3, 12, 2, 12, 0, 10.7}
  };
  private static final double[][] FOUR = {{6, 12, 6, 0, 0, 8.2, 8, 8.2}};
  private static final double[][] FIVE = {
    {
      7.6, 0, 1.2, 0, 0.5, 5.3, 2.5, 4.4, 5.5, 4.4, 7.6, 5.8, 8, 8.2, 7.6, 10.5, 5.5, 12, 2.5, 12,
      0.2, 10.8
    }
  };
  private static final double[][] SIX = {
    {
      7.3, 0.8, 5, 0, 3, 0, 1.2, 1.5, 0.2, 4.5, 0, 8, 0.6, 10.6, 2.5, 12, 5.5, 12, 7.5, 10.6, 8,
      8.6, 7.3, 6.3, 5.5, 5, 2.5, 5, 0.6, 6.2, 0.1, 7.6
    }
  };
  private static final double[][] SEVEN = {{0, 0, 8, 0, 6.5, 3.5, 3.2, 12}};
  private static final double[][] EIGHT = {
    {
      4, 5.6, 1.5, 4.8, 0.6, 3, 1.2, 1, 3, 0, 5, 0, 6.8, 1, 7.4, 3, 6.5, 4.8, 4, 5.6, 1.2, 6.6, 0,
      8.6, 0.6, 11, 2.6, 12, 5.4, 12, 7.4, 11, 8, 8.6, 6.8, 6.6, 4, 5.6
    }
  };
  private static final double[][] NINE = {
    {
      0.7, 11.2, 3, 12, 5, 12, 6.8, 10.5, 7.8, 7.5, 8, 4, 7.4, 1.4, 5.5, 0, 2.5, 0, 0.5, 1.4, 0,
      3.4, 0.5, 5.6, 2.5, 7, 5.5, 7, 7.4, 5.8, 7.9, 4.4
    }
  };
  private static final double[][] PLUS = {{4, 3, 4, 11}, {0, 7, 8, 7}};
  private static final double[][] MINUS = {{0.3, 7, 7.7, 7}};
  private static final double[][] TIMES = {{1, 3.8, 7, 9.8}, {7, 3.8, 1, 9.8}};
  private static final double[][] EQUALS = {{0.3, 4.8, 7.7, 4.8}, {0.3, 9, 7.7, 9}};
  private static final double[][] QUESTION = {
    {0.3, 3, 1, 1, 3, 0, 5, 0, 7, 1, 7.8, 3, 7.2, 4.8, 4.2, 6.8, 4.2, 9}, {4.2, 11.6, 4.2, 11.8}
  };

  private static final Map<Character, double[][]> GLYPHS =
      Map.ofEntries(
          Map.entry('0', ZERO),
          Map.entry('1', ONE),
          Map.entry('2', TWO),
          Map.entry('3', THREE),
          Map.entry('4', FOUR),
          Map.entry('5', FIVE),
          Map.entry('6', SIX),
          Map.entry('7', SEVEN),
          Map.entry('8', EIGHT),
          Map.entry('9', NINE),
          Map.entry('+', PLUS),
          Map.entry('-', MINUS),
          Map.entry('x', TIMES),
          Map.entry('X', TIMES),
          Map.entry('*', TIMES),
          Map.entry('\u00d7', TIMES),
          Map.entry('=', EQUALS),
          Map.entry('?', QUESTION));

  private CaptchaImage() {}

  /** Renders the expression (digits, spaces and {@code + - x = ?}) as a 120x40 PNG. */
  public static byte[] png(String expression, RandomGenerator random) {
    BufferedImage image = render(expression, random);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("No PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static BufferedImage render(String expression, RandomGenerator random) {
    double[][][] glyphs = new double[expression.length()][][];
    int glyphCount = 0;
    double naturalWidth = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == ' ') {
        naturalWidth += SPACE_GAP;
        continue;
      }
      double[][] glyph = GLYPHS.get(c);
      if (glyph == null) {
        throw new IllegalArgumentException(
            "Cannot draw character U+%04X in captcha".formatted((int) c));
      }
      glyphs[i] = glyph;
      naturalWidth += (glyphCount > 0 ? GLYPH_GAP : 0) + GRID_W * BASE_SCALE;
      glyphCount++;
    }
    if (glyphCount == 0) {
      throw new IllegalArgumentException("Captcha expression has nothing to draw");
    }
    double fit = Math.min(1.0, (WIDTH - 2 * MARGIN) / naturalWidth);
    double scale = BASE_SCALE * fit;

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(randomColor(random, 236, 255));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      drawNoiseDots(g, random, 35);
      drawNoiseLines(g, random, 2);

      double x = (WIDTH - naturalWidth * fit) / 2;
      boolean first = true;
      for (int i = 0; i < expression.length(); i++) {
        double[][] glyph = glyphs[i];
        if (glyph == null) {
          x += SPACE_GAP * fit;
          continue;
        }
        if (!first) {
          x += GLYPH_GAP * fit;
        }
        first = false;
        drawGlyph(g, random, glyph, x, scale);
        x += GRID_W * scale;
      }
      drawNoiseLines(g, random, 1);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawGlyph(
      Graphics2D g, RandomGenerator random, double[][] glyph, double left, double scale) {
    double s = scale * (0.9 + random.nextDouble() * 0.2);
    double centerX = left + GRID_W * scale / 2 + random.nextDouble(-1.5, 1.5);
    double centerY = HEIGHT / 2.0 + random.nextDouble(-2.5, 2.5);
    AffineTransform transform = new AffineTransform();
    transform.translate(centerX, centerY);
    transform.rotate(random.nextDouble(-0.18, 0.18));
    transform.scale(s, s);
    transform.translate(-GRID_W / 2, -GRID_H / 2);

    Path2D.Double path = new Path2D.Double();
    for (double[] stroke : glyph) {
      path.moveTo(stroke[0], stroke[1]);
      for (int p = 2; p < stroke.length; p += 2) {
        path.lineTo(stroke[p], stroke[p + 1]);
      }
    }
    Shape shape = transform.createTransformedShape(path);
    g.setColor(randomColor(random, 10, 90));
    g.setStroke(
        new BasicStroke(
            (float) (2.6 * scale / BASE_SCALE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
  }

  private static void drawNoiseDots(Graphics2D g, RandomGenerator random, int count) {
    for (int i = 0; i < count; i++) {
      g.setColor(randomColor(random, 130, 215));
      int size = random.nextInt(1, 3);
      g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), size, size);
    }
  }

  private static void drawNoiseLines(Graphics2D g, RandomGenerator random, int count) {
    g.setStroke(new BasicStroke(1f));
    for (int i = 0; i < count; i++) {
      g.setColor(randomColor(random, 150, 215));
      g.drawLine(
          random.nextInt(0, WIDTH / 4),
          random.nextInt(HEIGHT),
          random.nextInt(WIDTH * 3 / 4, WIDTH),
          random.nextInt(HEIGHT));
    }
  }

  private static Color randomColor(RandomGenerator random, int low, int high) {
    return new Color(
        random.nextInt(low, high + 1),
        random.nextInt(low, high + 1),
        random.nextInt(low, high + 1));
  }
}
