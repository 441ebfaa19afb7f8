package org.cmis.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client address of a request, as the servlet container resolved it. */
public final class ClientAddress {

  private ClientAddress() {}

  /** The address, cut to the 64 characters the database keeps. */
  public static String of(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (address == null) {
      return "";
    }
    return address.length() > 64 ? address.substring(0, 64) : address;
  }
}
