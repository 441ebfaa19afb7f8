package org.cmis.training.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmis.shared.AuditEvent;
import org.cmis.shared.CmisException;
import org.cmis.shared.CurrentUser;
import org.cmis.shared.ErrorCode;
import org.cmis.shared.FieldError;
import org.cmis.shared.PageResult;
import org.cmis.shared.Paging;
import org.cmis.shared.Role;
import org.cmis.shared.upload.Upload;
import org.cmis.shared.upload.UploadCheck;
import org.cmis.shared.upload.UploadCheck.CheckedFile;
import org.cmis.training.ClassStatus;
import org.cmis.training.catalog.Access;
import org.cmis.training.catalog.ClassListItem;
import org.cmis.training.catalog.ClassQuery;
import org.cmis.training.catalog.ClassService;
import org.cmis.training.catalog.TrainingClass;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff publish their institute's notices; members and firms see them between the publish date and
 * the expiry date; staff also see all of their own institute's; administrators see all.
 */
@Service
public class NoticeService {

  private static final String VISIBLE =
      "(n.publish_date <= :today and (n.expiry_date is null or n.expiry_date >= :today))";

  private final NoticeRepository notices;
  private final ClassService classes;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NoticeService(
      NoticeRepository notices,
      ClassService classes,
      ApplicationEventPublisher events,
      Clock clock) {
    this.notices = notices;
    this.classes = classes;
    this.events = events;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** One page of the notices the viewer may see, newest publish date first. */
  @Transactional(readOnly = true)
  public PageResult<Notice> list(CurrentUser viewer, Paging paging) {
    Map<String, Object> params = new HashMap<>();
    String condition = scope(viewer, params);
    long total = notices.count(condition, params);
    List<Notice> items = notices.page(condition, params, paging.size(), paging.offset());
    return new PageResult<>(items, total, paging.page(), paging.size());
  }

  /** The latest notices in force today, whoever looks (the home page). */
  @Transactional(readOnly = true)
  public List<Notice> latest(int count) {
    return notices.page(VISIBLE, Map.of("today", today()), count, 0);
  }

  /** A notice with its sanitised body, attachments and the linked classes the viewer may see. */
  @Transactional(readOnly = true)
  public NoticeDetail get(CurrentUser viewer, long id) {
    Notice notice = visible(viewer, id);
    List<Long> classIds = notices.classIds(id);
    List<LinkedClass> linked = new ArrayList<>();
    for (long classId : classIds) {
      visibleClass(viewer, classId).ifPresent(c -> linked.add(linked(c)));
    }
    return new NoticeDetail(
        notice,
        MarkdownRenderer.render(notice.body()),
        notices.attachments(id),
        linked,
        classIds,
        isManager(viewer, notice));
  }

  /** An attachment of a notice the viewer may see. */
  @Transactional(readOnly = true)
  public AttachmentFile attachment(CurrentUser viewer, long noticeId, long attachmentId) {
    visible(viewer, noticeId);
    return notices.attachment(noticeId, attachmentId).orElseThrow(NoticeService::notFound);
  }

  /** A notice its institute's staff may change. */
  @Transactional(readOnly = true)
  public NoticeDetail editable(CurrentUser staff, long id) {
    requireManager(staff, visible(staff, id));
    return get(staff, id);
  }

  @Transactional
  public long create(CurrentUser staff, NoticeInput input, List<Upload> uploads, String address) {
    if (!staff.is(Role.STAFF) || staff.instituteCode() == null) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
    List<FieldError> errors = new ArrayList<>();
    NoticeRules.Checked checked = check(staff, input, errors);
    List<CheckedFile> files = accept(uploads, 0, errors);
    throwIfAny(errors);
    long id =
        notices.insert(
            staff.instituteCode(),
            checked.title(),
            checked.body(),
            required(checked.publishDate()),
            checked.expiryDate(),
            staff.account());
    notices.replaceClasses(id, checked.classIds());
    files.forEach(
        f -> notices.addAttachment(id, f.filename(), f.type().contentType(), f.content()));
    audit(staff, "NOTICE_CREATED", id, address, null, state(id));
    return id;
  }

  @Transactional
  public void update(
      CurrentUser staff, long id, NoticeInput input, List<Upload> uploads, String address) {
    Notice notice = notices.lock(id).orElseThrow(NoticeService::notFound);
    requireManager(staff, requireVisible(staff, notice));
    AuditState before = state(id);
    List<FieldError> errors = new ArrayList<>();
    NoticeRules.Checked checked = check(staff, input, errors);
    List<Long> remove = NoticeRules.ids(input.removeAttachmentIds(), "attachments", errors);
    long kept = notices.attachments(id).stream().filter(a -> !remove.contains(a.id())).count();
    List<CheckedFile> files = accept(uploads, (int) kept, errors);
    throwIfAny(errors);
    notices.update(
        id, checked.title(), checked.body(), required(checked.publishDate()), checked.expiryDate());
    notices.replaceClasses(id, checked.classIds());
    notices.removeAttachments(id, remove);
    files.forEach(
        f -> notices.addAttachment(id, f.filename(), f.type().contentType(), f.content()));
    audit(staff, "NOTICE_UPDATED", id, address, before, state(id));
  }

  /** Withdraws a notice for good, with its attachments and class links. */
  @Transactional
  public void delete(CurrentUser staff, long id, String address) {
    Notice notice = notices.lock(id).orElseThrow(NoticeService::notFound);
    requireManager(staff, requireVisible(staff, notice));
    AuditState before = state(id);
    notices.delete(id);
    audit(staff, "NOTICE_DELETED", id, address, before, null);
  }

  /**
   * The classes a notice of the staff's institute may link: its published classes that are neither
   * cancelled nor finished (open ones first, at most 100 of each status), and those the notice
   * links already.
   */
  @Transactional(readOnly = true)
  public List<LinkedClass> linkable(CurrentUser staff, @Nullable NoticeDetail current) {
    Map<Long, LinkedClass> options = new LinkedHashMap<>();
    if (current != null) {
      current.classes().forEach(c -> options.put(c.id(), c));
    }
    if (staff.instituteCode() != null) {
      // Open classes first, then those still to open, then the rest that can still be attended.
      for (ClassStatus status :
          List.of(
              ClassStatus.OPEN,
              ClassStatus.NOT_OPEN,
              ClassStatus.CLOSED,
              ClassStatus.IN_PROGRESS)) {
        ClassQuery own =
            new ClassQuery(null, null, null, null, null, null, null, status, staff.instituteCode());
        for (ClassListItem item : classes.list(staff, own, new Paging(1, 100)).items()) {
          options.putIfAbsent(item.trainingClass().id(), linked(item.trainingClass()));
        }
      }
    }
    return List.copyOf(options.values());
  }

  /** Whether the viewer may change the notice (its institute's staff). */
  public boolean isManager(CurrentUser viewer, Notice notice) {
    return viewer.is(Role.STAFF) && notice.instituteCode().equals(viewer.instituteCode());
  }

  private NoticeRules.Checked check(CurrentUser staff, NoticeInput input, List<FieldError> errors) {
    NoticeRules.Checked checked = NoticeRules.check(input, errors);
    for (long classId : checked.classIds()) {
      Optional<TrainingClass> c =
          visibleClass(staff, classId).filter(x -> Access.isOrganiser(staff, x));
      if (c.isEmpty()) {
        errors.add(new FieldError("classIds", "notice.classIds.unknown"));
        break;
      }
      if (!c.get().published() || c.get().cancelled()) {
        errors.add(new FieldError("classIds", "notice.classIds.notPublished"));
        break;
      }
    }
    return checked;
  }

  private static List<CheckedFile> accept(List<Upload> uploads, int kept, List<FieldError> errors) {
    List<CheckedFile> accepted = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (kept + uploads.size() > NoticeRules.MAX_ATTACHMENTS) {
      problems.add("notice.attachments.tooMany");
    }
    for (Upload upload : uploads) {
      UploadCheck.Result result = NoticeRules.ATTACHMENTS.check(upload);
      if (result.file() != null) {
        accepted.add(result.file());
      } else if (result.problem() != null) {
        problems.add(
            switch (result.problem()) {
              case TOO_BIG -> "notice.attachments.tooBig";
              case EMPTY -> "notice.attachments.empty";
              case TYPE -> "notice.attachments.type";
            });
      }
    }
    problems.stream().distinct().forEach(p -> errors.add(new FieldError("attachments", p)));
    return accepted;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw CmisException.validation(errors);
    }
  }

  private static LocalDate required(@Nullable LocalDate date) {
    if (date == null) {
      throw CmisException.validation(
          List.of(new FieldError("publishDate", "notice.publishDate.required")));
    }
    return date;
  }

  private String scope(CurrentUser viewer, Map<String, Object> params) {
    params.put("today", today());
    return switch (viewer.role()) {
      case ADMIN -> "true";
      case STAFF -> {
        params.put("own", viewer.instituteCode() == null ? "" : viewer.instituteCode());
        yield "(n.institute_code = :own or " + VISIBLE + ")";
      }
      default -> VISIBLE;
    };
  }

  private Notice visible(CurrentUser viewer, long id) {
    return requireVisible(viewer, notices.find(id).orElseThrow(NoticeService::notFound));
  }

  /** A notice the viewer may not see does not exist for it. */
  private Notice requireVisible(CurrentUser viewer, Notice notice) {
    boolean visible =
        viewer.is(Role.ADMIN) || isManager(viewer, notice) || notice.visibleOn(today());
    if (!visible) {
      throw notFound();
    }
    return notice;
  }

  private void requireManager(CurrentUser staff, Notice notice) {
    if (!isManager(staff, notice)) {
      throw new CmisException(ErrorCode.FORBIDDEN, "error.FORBIDDEN");
    }
  }

  private Optional<TrainingClass> visibleClass(CurrentUser viewer, long classId) {
    try {
      return Optional.of(classes.get(viewer, classId));
    } catch (CmisException e) {
      return Optional.empty();
    }
  }

  LinkedClass linked(TrainingClass c) {
    return new LinkedClass(
        c.id(),
        c.name(),
        c.instituteName(),
        c.registrationStart(),
        c.registrationEnd(),
        c.statusOn(today()),
        c.external());
  }

  /** What the audit log keeps of a notice: its fields, class links and attachment names. */
  private @Nullable AuditState state(long id) {
    return notices
        .find(id)
        .map(
            n ->
                new AuditState(
                    n.title(),
                    n.publishDate(),
                    n.expiryDate(),
                    n.body().length(),
                    notices.classIds(id),
                    notices.attachments(id).stream()
                        .map(a -> a.filename() + " (" + a.sizeBytes() + ")")
                        .toList()))
        .orElse(null);
  }

  private record AuditState(
      String title,
      LocalDate publishDate,
      @Nullable LocalDate expiryDate,
      int bodyLength,
      List<Long> classIds,
      List<String> attachments) {}

  private void audit(
      CurrentUser actor,
      String action,
      long id,
      String address,
      @Nullable AuditState before,
      @Nullable AuditState after) {
    events.publishEvent(
        new AuditEvent(
            actor.account(), action, "Notice", Long.toString(id), address, before, after));
  }

  private static CmisException notFound() {
    return new CmisException(ErrorCode.NOT_FOUND, "error.NOT_FOUND");
  }
}
