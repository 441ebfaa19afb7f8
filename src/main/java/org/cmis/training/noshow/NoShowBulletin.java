package org.cmis.training.noshow;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Role;
import org.cmis.training.notice.NoticeInput;
import org.cmis.training.notice.NoticeService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 通报 of no-shows (F5.3): staff compile the no-shows of their institute for a period (and firm,
 * class) into a notice text, see it, and publish it with one action as a notice of their institute
 * through {@link NoticeService} (published today, no expiry). The text is Chinese whatever the
 * page's language: it is a published document. A 通报 names at most {@link #MAX_ROWS} people (a
 * notice body holds 20,000 characters); more, or none, is refused with a field error.
 */
@Service
public class NoShowBulletin {

  /** The most people one 通报 names. */
  public static final int MAX_ROWS = 200;

  private static final Locale TEXT = Locale.SIMPLIFIED_CHINESE;

  /**
   * The characters that could start Markdown or HTML inside a line, escaped in the names so that
   * they print as typed (each line starts with its number, so line-start markup cannot arise).
   */
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>!&])");

  private final NoShowFinder finder;
  private final NoticeService notices;
  private final MessageSource messages;

  NoShowBulletin(NoShowFinder finder, NoticeService notices, MessageSource messages) {
    this.finder = finder;
    this.notices = notices;
    this.messages = messages;
  }

  /** The notice a 通报 would publish: its title, Markdown body, and the people it names. */
  public record Draft(String title, String body, List<NoShow> rows) {}

  /**
   * The 通报 of the no-shows the staff's filters find (staff only; refused when none or too many).
   */
  @Transactional(readOnly = true)
  public Draft compile(CurrentUser staff, NoShowQuery q) {
    if (!staff.is(Role.STAFF) || staff.instituteCode() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    PageResult<NoShow> found = finder.first(staff, q, MAX_ROWS);
    if (found.total() == 0) {
      throw CmisException.validation(List.of(new FieldError("bulletin", "noshows.bulletin.empty")));
    }
    if (found.total() > MAX_ROWS) {
      throw CmisException.validation(
          List.of(new FieldError("bulletin", "noshows.bulletin.tooMany")));
    }
    return new Draft(title(q), body(q, found.items()), found.items());
  }

  /**
   * Publishes the 通报 of the filters as a notice of the staff's institute, in one transaction with
   * the query that finds its rows. Answers the notice's id.
   */
  @Transactional
  public long publish(CurrentUser staff, NoShowQuery q, String address) {
    Draft draft = compile(staff, q);
    return notices.create(
        staff,
        new NoticeInput(
            draft.title(), draft.body(), finder.today().toString(), null, List.of(), List.of()),
        List.of(),
        address);
  }

  String title(NoShowQuery q) {
    if (q.from() != null && q.from().equals(q.to())) {
      return text("noshows.bulletin.title.day", q.from());
    }
    if (q.from() != null && q.to() != null) {
      return text("noshows.bulletin.title.period", q.from(), q.to());
    }
    if (q.from() != null) {
      return text("noshows.bulletin.title.since", q.from());
    }
    if (q.to() != null) {
      return text("noshows.bulletin.title.until", q.to());
    }
    return text("noshows.bulletin.title");
  }

  String body(NoShowQuery q, List<NoShow> rows) {
    StringBuilder b = new StringBuilder();
    b.append(text("noshows.bulletin.intro")).append("\n\n");
    int n = 0;
    for (NoShow r : rows) {
      b.append(++n)
          .append(". ")
          .append(
              text(
                  "noshows.bulletin.row",
                  escape(r.name()),
                  escape(r.memberNo()),
                  escape(r.firmName() == null ? text("noshows.noFirm") : r.firmName()),
                  escape(r.className()),
                  escape(r.dates())))
          .append('\n');
    }
    b.append('\n').append(text("noshows.bulletin.total", rows.size())).append('\n');
    return b.toString();
  }

  /** A text with every Markdown special character escaped. */
  static String escape(@Nullable String text) {
    return text == null
        ? ""
        : SPECIAL.matcher(text).replaceAll(Matcher.quoteReplacement("\\") + "$1");
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, TEXT);
  }
}
