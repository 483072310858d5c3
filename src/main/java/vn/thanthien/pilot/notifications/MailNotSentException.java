package vn.thanthien.pilot.notifications;

/** A mail that was not sent; the message says why in Vietnamese, the cause keeps the details. */
public class MailNotSentException extends RuntimeException {

  public MailNotSentException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
