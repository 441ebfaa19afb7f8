package org.cmis.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The message centre page of every role. */
@Controller
class MessageController {

  private final MessageCenter messages;

  MessageController(MessageCenter messages) {
    this.messages = messages;
  }

  @GetMapping("/messages")
  String page(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      Model model) {
    PageResult<?> result = messages.list(user.accountId(), new Paging(page, size));
    model.addAttribute("result", result);
    model.addAttribute("pager", PageLinks.of("/messages", result));
    return "notification/messages";
  }

  @PostMapping("/messages/read")
  String markRead(@AuthenticationPrincipal CurrentUser user) {
    messages.markAllRead(user.accountId());
    return "redirect:/messages";
  }
}
