package org.cmis.training.notice;

/** An attachment's content, to download. */
public record AttachmentFile(String filename, String contentType, byte[] content) {}
