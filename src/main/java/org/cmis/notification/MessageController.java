package org.cmis.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.web.PageLinks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
  String markRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    messages.markAllRead(user.accountId());
    redirect.addFlashAttribute("flash", "messages.flash.allRead");
    return "redirect:/messages";
  }

  /** Marks one of the caller's own messages read; anyone else's message id is a 404. */
  @PostMapping("/messages/{id}/read")
  String markOneRead(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable long id,
      @RequestParam(defaultValue = "1") @Min(1) int page,
      RedirectAttributes redirect) {
    if (!messages.markRead(user.accountId(), id)) {
      throw new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
    }
    redirect.addFlashAttribute("flash", "messages.flash.read");
    return page > 1 ? "redirect:/messages?page=" + page + "#message-" + id : "redirect:/messages";
  }
}
