package org.cmis.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CaptchaImageTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void rendersDecodablePngWithDarkGlyphsOnLightBackground() throws IOException {
    CaptchaGenerator generator = new CaptchaGenerator(new SplittableRandom(1));
    for (long seed = 0; seed < 20; seed++) {
      String expression = generator.next().expression();
      byte[] png = CaptchaImage.png(expression, new SplittableRandom(seed));

      assertThat(png).startsWith(PNG_SIGNATURE);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(120);
      assertThat(image.getHeight()).isEqualTo(40);

      int dark = 0;
      int light = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int luma =
              (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
          if (luma < 100) {
            dark++;
          } else if (luma > 220) {
            light++;
          }
        }
      }
      assertThat(dark).as("dark pixels for %s", expression).isGreaterThan(150);
      assertThat(light).as("light pixels for %s", expression).isGreaterThan(120 * 40 / 2);
    }
  }

  @Test
  void drawsEverySupportedCharacter() {
    byte[] png = CaptchaImage.png("0123456789 +-x=?", new SplittableRandom(3));
    assertThat(png).startsWith(PNG_SIGNATURE);
  }

  @Test
  void sameRandomSeedGivesSameImage() {
    byte[] first = CaptchaImage.png("7 + 3 = ?", new SplittableRandom(11));
    byte[] second = CaptchaImage.png("7 + 3 = ?", new SplittableRandom(11));
    assertThat(first).isEqualTo(second);
  }

  @Test
  void rejectsUnsupportedCharacters() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CaptchaImage.png("7 / 3 = ?", new SplittableRandom(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CaptchaImage.png("a + b", new SplittableRandom(1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CaptchaImage.png("   ", new SplittableRandom(1)));
  }
}
