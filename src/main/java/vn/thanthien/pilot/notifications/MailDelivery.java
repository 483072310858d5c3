package vn.thanthien.pilot.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the officials' mail through Spring Boot's mail sender, which exists only when a mail
 * server is configured ({@code spring.mail.host}, {@code SPRING_MAIL_HOST}). Without one, e-mail
 * is off: the application works as before and says so once, at start. A failure to send is an
 * exception whose message says in Vietnamese why (the engine then retries the job and, in the end,
 * raises an incident with it).
 */
@Component
public class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
  /** The sender's name when {@code pilot.mail.from} gives only an address. */
  static final String SENDER_NAME = "Chính quyền thân thiện vì nhân dân phục vụ";

  private final JavaMailSender sender;
  private final InternetAddress from;

  public MailDelivery(ObjectProvider<JavaMailSender> senders, NotificationProperties properties) {
    this.sender = senders.getIfAvailable();
    if (sender == null) {
      this.from = null;
      LOG.info("E-mail is off: no mail server is configured (set SPRING_MAIL_HOST and SPRING_MAIL_PORT to "
          + "mail officials when work is offered to their unit or becomes late)");
    } else {
      this.from = sender(properties.from());
      LOG.info("E-mail is on: officials are mailed through {} from {}; links point to {}", server(),
          from.getAddress(), properties.baseUrl());
    }
  }

  /** Whether a mail server is configured. */
  public boolean isOn() {
    return sender != null;
  }

  /**
   * One plain-text UTF-8 message to all {@code recipients}.
   *
   * @throws MailNotSentException when the server cannot be reached or refuses the message
   */
  public void send(Collection<String> recipients, String subject, String body) {
    if (sender == null) {
      throw new IllegalStateException("E-mail is off");
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      sender.send(message);
    } catch (MailException | MessagingException e) {
      throw new MailNotSentException(reason(e, server()), e);
    }
  }

  /** "smtp.example.vn:587", as configured. */
  String server() {
    if (sender instanceof JavaMailSenderImpl impl) {
      return impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25);
    }
    return "đã cấu hình";
  }

  /** Why a mail was not sent, in Vietnamese, for the incident an administrator reads. */
  static String reason(Exception failure, String server) {
    Set<Throwable> causes = causes(failure);
    if (causes.stream().anyMatch(c -> c instanceof ConnectException || c instanceof UnknownHostException
        || c instanceof NoRouteToHostException || c instanceof SocketTimeoutException)) {
      return "không kết nối được máy chủ thư " + server;
    }
    if (failure instanceof MailAuthenticationException) {
      return "máy chủ thư " + server + " không chấp nhận tên đăng nhập hoặc mật khẩu gửi thư";
    }
    return causes.stream().filter(SendFailedException.class::isInstance).findFirst()
        .map(refused -> "máy chủ thư " + server + " từ chối nhận thư (" + refused.getMessage() + ")")
        .orElse("máy chủ thư " + server + " báo lỗi khi gửi (" + failure.getMessage() + ")");
  }

  /** The failure and everything behind it: causes, the failures per message, chained mail exceptions. */
  private static Set<Throwable> causes(Exception failure) {
    Set<Throwable> seen = new HashSet<>();
    Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
    while (!next.isEmpty()) {
      Throwable cause = next.poll();
      if (!seen.add(cause)) {
        continue;
      }
      List<Throwable> behind = new ArrayList<>();
      behind.add(cause.getCause());
      if (cause instanceof MessagingException messaging) {
        behind.add(messaging.getNextException());
      }
      if (cause instanceof MailSendException send) {
        behind.addAll(send.getFailedMessages().values());
      }
      behind.stream().filter(Objects::nonNull).forEach(next::add);
    }
    return seen;
  }

  /** The configured sender; with only an address, named after the programme. */
  private static InternetAddress sender(String configured) {
    try {
      InternetAddress address = new InternetAddress(configured.strip(), true);
      String name = address.getPersonal() == null || address.getPersonal().isBlank() ? SENDER_NAME
          : address.getPersonal();
      return new InternetAddress(address.getAddress(), name, StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("pilot.mail.from (PILOT_MAIL_FROM) is not an e-mail address: " + configured, e);
    }
  }
}
