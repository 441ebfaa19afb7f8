package org.cmis.training.notice;

/**
 * A file sent with a notice form. A file over the limit may come without its content (the page does
 * not read it), but always with its size.
 */
public record Upload(String filename, long size, byte[] content) {}
