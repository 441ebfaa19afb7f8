package org.cmis.membership.profile;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cmis.membership.HistoryEntry;
import org.cmis.membership.MemberCategory;
import org.cmis.membership.MemberDetails;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One member through the API (API.md, Members): every F2.1 field with the ID number masked, the
 * member's own change of its local fields, and the history of its changes, newest first.
 */
@RestController
@Tag(name = "Members", description = "Members in the caller's scope")
class ProfileRestController {

  private final ProfileService profiles;

  ProfileRestController(ProfileService profiles) {
    this.profiles = profiles;
  }

  /** A member as API.md names it: every field of PRODUCT.md F2.1. */
  @Schema(name = "Member")
  record MemberJson(
      String memberNo,
      String name,
      @Schema(allowableValues = {"M", "F"}) String gender,
      @Nullable LocalDate birthDate,
      @Schema(
              description =
                  "Masked: only the first 4 and last 4 characters shown, e.g. 4403**********1234")
          @Nullable String idNumber,
      MemberCategory category,
      @Nullable String firmNo,
      String instituteCode,
      String position,
      boolean partner,
      boolean active,
      String mobile,
      String email,
      String address) {

    static MemberJson of(MemberDetails d) {
      return new MemberJson(
          d.memberNo(),
          d.name(),
          d.gender(),
          d.birthDate(),
          d.idNumber(),
          d.category(),
          d.firmNo(),
          d.instituteCode(),
          d.position(),
          d.partner(),
          d.active(),
          d.mobile(),
          d.email(),
          d.address());
    }
  }

  /**
   * A change of the member's local fields: absent or null keeps a field, "" clears it. Every other
   * name is kept aside: a platform-owned field among them is refused by name.
   */
  @Schema(name = "MemberLocalFields")
  record PatchBody(
      @Schema(description = "11 digits starting with 1, or \"\"") @Nullable String mobile,
      @Schema(description = "at most 100 characters, or \"\"") @Nullable String email,
      @Schema(description = "mailing address, at most 200 characters, or \"\"")
          @Nullable String address,
      @Schema(hidden = true) @JsonAnySetter @Nullable Map<String, Object> others) {

    Map<String, Object> otherNames() {
      return others == null ? Map.of() : new LinkedHashMap<>(others);
    }
  }

  @GetMapping("/api/v1/members/{memberNo}")
  @Operation(
      summary =
          "One member, every F2.1 field (ID number masked): the member itself, its firm, staff of"
              + " its institute, admin; others 404")
  MemberJson get(@AuthenticationPrincipal CurrentUser caller, @PathVariable String memberNo) {
    return MemberJson.of(profiles.view(caller, memberNo));
  }

  @PatchMapping(path = "/api/v1/members/{memberNo}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "The member itself changes its local fields (mobile, email, address); a platform-owned"
              + " field in the body → 422 VALIDATION_FAILED naming it, nothing changed")
  MemberJson patch(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestBody PatchBody body) {
    return MemberJson.of(
        profiles.change(
            caller,
            memberNo,
            body.otherNames().keySet(),
            body.mobile(),
            body.email(),
            body.address()));
  }

  @GetMapping("/api/v1/members/{memberNo}/history")
  @Operation(
      summary =
          "A page of the member's changes {at, by, field, from, to}, newest first (ID numbers"
              + " masked); the same scope as the member")
  PageResult<HistoryEntry> history(
      @AuthenticationPrincipal CurrentUser caller,
      @PathVariable String memberNo,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    return profiles.history(caller, memberNo, new Paging(page, size));
  }
}
