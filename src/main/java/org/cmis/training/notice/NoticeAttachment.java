package org.cmis.training.notice;

/** An attachment of a notice, without its content. */
public record NoticeAttachment(
    long id, long noticeId, String filename, String contentType, long sizeBytes) {}
