package org.cmis.training.registration;

/** What a member sends to register itself: contact data for this registration, waitlist wish. */
record SelfRegistrationForm(String mobile, String email, boolean waitlist) {}
