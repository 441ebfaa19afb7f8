package org.cmis.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes (ZXing) as inline SVG, for pages that show one (a check-in session on a projector, an
 * hours certificate): no image request, no file, nothing cached. The SVG is built from the code's
 * modules only, so it carries no text of the caller's.
 */
public final class QrCodes {

  private QrCodes() {}

  /**
   * An SVG of the QR code of {@code text}, {@code size} CSS pixels wide, with a quiet zone; its
   * accessible name (aria-label) is "QR: " and the text.
   *
   * @throws IllegalArgumentException when the text does not fit in a QR code
   */
  public static String svg(String text, int size) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("text does not fit in a QR code", e);
    }
    int width = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < width; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + matrix.getHeight()
        + "\" width=\""
        + size
        + "\" height=\""
        + size
        + "\" role=\"img\" aria-label=\"QR: "
        + escape(text)
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
        + " fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** The text as an XML attribute value: its name for screen readers (axe-core svg-img-alt). */
  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
