package org.cmis.training.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Attachments are judged by their content, and the extension must say the same. */
class AttachmentTypeTest {

  /** A complete one-page PDF (trailer, cross-reference table and all). */
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
              + "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
              + "0000000052 00000 n \n0000000101 00000 n \n"
              + "trailer<</Size 4/Root 1 0 R>>\nstartxref\n165\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** The signature and header chunk of a PNG (enough for the check). */
  static final byte[] PNG = {
    (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52
  };

  static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 0x4A};

  @Test
  void aRealPdfIsAccepted() {
    assertThat(AttachmentType.of("通知.pdf", PDF)).contains(AttachmentType.PDF);
    assertThat(AttachmentType.of("NOTICE.PDF", PDF)).contains(AttachmentType.PDF);
    assertThat(AttachmentType.PDF.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aPngRenamedPdfIsRefused() {
    assertThat(AttachmentType.of("fake.pdf", PNG)).isEmpty();
    assertThat(AttachmentType.of("image.png", PNG)).contains(AttachmentType.PNG);
  }

  @Test
  void imagesByTheirSignature() {
    assertThat(AttachmentType.of("photo.jpg", JPG)).contains(AttachmentType.JPG);
    assertThat(AttachmentType.of("photo.jpeg", JPG)).contains(AttachmentType.JPG);
    assertThat(AttachmentType.of("photo.png", JPG)).isEmpty();
    assertThat(AttachmentType.of("photo.jpg", PDF)).isEmpty();
  }

  @Test
  void officeFilesMustBeTheRightKindOfPackage() throws IOException {
    byte[] docx = zip("word/document.xml");
    byte[] xlsx = zip("xl/workbook.xml");
    assertThat(AttachmentType.of("通知.docx", docx)).contains(AttachmentType.DOCX);
    assertThat(AttachmentType.of("名单.xlsx", xlsx)).contains(AttachmentType.XLSX);
    assertThat(AttachmentType.of("名单.xlsx", docx)).as("a document named .xlsx").isEmpty();
    assertThat(AttachmentType.of("通知.docx", xlsx)).as("a workbook named .docx").isEmpty();
    assertThat(AttachmentType.of("any.docx", zip("payload.exe"))).as("a plain zip").isEmpty();
    assertThat(AttachmentType.of("any.docx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}))
        .as("a broken zip")
        .isEmpty();
  }

  @Test
  void otherExtensionsAndContentsAreRefused() {
    assertThat(AttachmentType.of("run.exe", PDF)).isEmpty();
    assertThat(AttachmentType.of("noextension", PDF)).isEmpty();
    assertThat(AttachmentType.of("page.html", "<script>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(AttachmentType.of("a.pdf", new byte[0])).isEmpty();
    assertThat(AttachmentType.of("a.pdf", "<html>%PDF-".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void filenamesLoseTheirPathsAndControlCharacters() {
    assertThat(NoticeRules.filename("C:\\Users\\张三\\通知.pdf")).isEqualTo("通知.pdf");
    assertThat(NoticeRules.filename("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(NoticeRules.filename("a\r\nb\".pdf")).isEqualTo("ab.pdf");
    assertThat(NoticeRules.filename("长".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
  }

  static byte[] zip(String entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
