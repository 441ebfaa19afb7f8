package org.cmis.credits.claim;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The claims API as one caller (a bearer token). */
final class ClaimApi {

  private final MockMvcTester mvc;
  private final String token;

  ClaimApi(MockMvcTester mvc, String token) {
    this.mvc = mvc;
    this.token = token;
  }

  MvcTestResult get(String uri) {
    return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
  }

  MvcTestResult post(String uri, String json) {
    return mvc.post()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  MvcTestResult put(String uri, String json) {
    return mvc.put()
        .uri(uri)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  MvcTestResult upload(String uri, List<MockMultipartFile> files) {
    var request = mvc.post().uri(uri).header("Authorization", "Bearer " + token).multipart();
    for (MockMultipartFile f : files) {
      request = request.file(f);
    }
    return request.exchange();
  }

  static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("file", name, "application/octet-stream", content);
  }

  static long id(MvcTestResult r) {
    return ((Number) read(r, "$.id")).longValue();
  }

  static <T> T read(MvcTestResult result, String path) {
    return JsonPath.read(
        new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), path);
  }

  /** Small valid files of each kind. */
  static byte[] png() {
    return concat(
        new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}, "png body".getBytes());
  }

  static byte[] jpg() {
    return concat(
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "jfif".getBytes());
  }

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
