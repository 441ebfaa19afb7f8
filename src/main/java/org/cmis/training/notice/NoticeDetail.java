package org.cmis.training.notice;

import java.util.List;

/** A notice to show: its sanitised HTML body, attachments and linked classes. */
public record NoticeDetail(
    Notice notice,
    String html,
    List<NoticeAttachment> attachments,
    List<LinkedClass> classes,
    List<Long> classIds,
    boolean manageable) {}
