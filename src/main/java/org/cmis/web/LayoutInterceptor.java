package org.cmis.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.cmis.membership.InstituteDirectory;
import org.cmis.notification.MessageCenter;
import org.cmis.settings.Settings;
import org.cmis.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Gives every rendered page what the layout shows: the signed-in user, the unread message count,
 * the current path (for the menu) and the support contacts of the footer (F1.6).
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

  private final MessageCenter messages;
  private final InstituteDirectory institutes;
  private final Settings settings;
  private final String nationalPhones;

  LayoutInterceptor(
      MessageCenter messages,
      InstituteDirectory institutes,
      Settings settings,
      @Value("${cmis.support.national-phones}") String nationalPhones) {
    this.messages = messages;
    this.institutes = institutes;
    this.settings = settings;
    this.nationalPhones = nationalPhones;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView view) {
    if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
      return;
    }
    // A page may say which menu item it belongs to (ADR 0036), else its own path decides.
    if (!(view.getModel().get("currentPath") instanceof String)) {
      view.addObject("currentPath", request.getRequestURI());
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
      view.addObject("me", user);
      view.addObject("unreadCount", messages.unreadCount(user.accountId()));
      view.addObject("sideMenu", HomeMenu.side(user, (String) view.getModel().get("currentPath")));
    }
    // The support contacts of the public pages' footer, read only by a page that shows them: the
    // administrator's support line (F6.3, setting support.national-phones), else configuration.
    view.addObject(
        "nationalPhones",
        lazy(() -> settings.stored("support.national-phones").orElse(nationalPhones)));
    view.addObject("supportInstitutes", lazy(institutes::all));
  }

  private static <T> LazyContextVariable<T> lazy(Supplier<T> value) {
    return new LazyContextVariable<>() {
      @Override
      protected T loadValue() {
        return value.get();
      }
    };
  }
}
