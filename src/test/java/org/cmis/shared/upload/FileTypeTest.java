package org.cmis.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Uploads are judged by their content, and the extension must say the same. */
public class FileTypeTest {

  /** A complete one-page PDF (trailer, cross-reference table and all). */
  public static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
              + "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
              + "0000000052 00000 n \n0000000101 00000 n \n"
              + "trailer<</Size 4/Root 1 0 R>>\nstartxref\n165\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  /** The signature and header chunk of a PNG (enough for the check). */
  public static final byte[] PNG = {
    (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52
  };

  public static final byte[] JPG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 0x4A
  };

  @Test
  void aRealPdfIsAccepted() {
    assertThat(FileType.of("通知.pdf", PDF)).contains(FileType.PDF);
    assertThat(FileType.of("NOTICE.PDF", PDF)).contains(FileType.PDF);
    assertThat(FileType.PDF.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void aPngRenamedPdfIsRefused() {
    assertThat(FileType.of("fake.pdf", PNG)).isEmpty();
    assertThat(FileType.of("image.png", PNG)).contains(FileType.PNG);
  }

  @Test
  void imagesByTheirSignature() {
    assertThat(FileType.of("photo.jpg", JPG)).contains(FileType.JPG);
    assertThat(FileType.of("photo.jpeg", JPG)).contains(FileType.JPG);
    assertThat(FileType.of("photo.png", JPG)).isEmpty();
    assertThat(FileType.of("photo.jpg", PDF)).isEmpty();
  }

  @Test
  void officeFilesMustBeTheRightKindOfPackage() throws IOException {
    byte[] docx = zip("word/document.xml");
    byte[] xlsx = zip("xl/workbook.xml");
    assertThat(FileType.of("通知.docx", docx)).contains(FileType.DOCX);
    assertThat(FileType.of("名单.xlsx", xlsx)).contains(FileType.XLSX);
    assertThat(FileType.of("名单.xlsx", docx)).as("a document named .xlsx").isEmpty();
    assertThat(FileType.of("通知.docx", xlsx)).as("a workbook named .docx").isEmpty();
    assertThat(FileType.of("any.docx", zip("payload.exe"))).as("a plain zip").isEmpty();
    assertThat(FileType.of("any.docx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}))
        .as("a broken zip")
        .isEmpty();
  }

  @Test
  void otherExtensionsAndContentsAreRefused() {
    assertThat(FileType.of("run.exe", PDF)).isEmpty();
    assertThat(FileType.of("noextension", PDF)).isEmpty();
    assertThat(FileType.of("page.html", "<script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(FileType.of("a.pdf", new byte[0])).isEmpty();
    assertThat(FileType.of("a.pdf", "<html>%PDF-".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void filenamesLoseTheirPathsAndControlCharacters() {
    assertThat(FileNames.kept("C:\\Users\\张三\\通知.pdf", 200)).isEqualTo("通知.pdf");
    assertThat(FileNames.kept("../../etc/passwd.pdf", 200)).isEqualTo("passwd.pdf");
    assertThat(FileNames.kept("a\r\nb\".pdf", 200)).isEqualTo("ab.pdf");
    assertThat(FileNames.kept("长".repeat(300) + ".pdf", 200)).hasSize(200).endsWith(".pdf");
  }

  @Test
  void aCheckTakesOnlyItsKindsAndSaysWhyNot() throws IOException {
    UploadCheck workbooks = new UploadCheck(1024, 200, java.util.Set.of(FileType.XLSX));
    byte[] xlsx = zip("xl/workbook.xml");
    UploadCheck.Result taken = workbooks.check(new Upload("C:\\tmp\\名单.xlsx", xlsx.length, xlsx));
    assertThat(taken.problem()).isNull();
    assertThat(taken.file()).isNotNull();
    assertThat(taken.file().filename()).isEqualTo("名单.xlsx");
    assertThat(taken.file().type()).isEqualTo(FileType.XLSX);
    assertThat(workbooks.check(new Upload("通知.pdf", PDF.length, PDF)).problem())
        .as("a kind this use does not take")
        .isEqualTo(UploadCheck.Problem.TYPE);
    assertThat(workbooks.check(new Upload("a.xlsx", 0, new byte[0])).problem())
        .isEqualTo(UploadCheck.Problem.EMPTY);
    assertThat(workbooks.check(new Upload("a.xlsx", 4096, new byte[0])).problem())
        .as("over the limit, sent unread")
        .isEqualTo(UploadCheck.Problem.TOO_BIG);
  }

  public static byte[] zip(String entry) throws IOException {
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
