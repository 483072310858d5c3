package vn.thanthien.pilot.notifications;

import jakarta.mail.Address;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
      if (sender instanceof JavaMailSenderImpl impl && impl.getJavaMailProperties() != null) {
        // the message goes to every address the server accepts, even when it refuses some: one bad
        // address must not keep a unit's mail from the others (JavaMail's default sends nothing)
        impl.getJavaMailProperties().putIfAbsent("mail.smtp.sendpartial", "true");
        impl.getJavaMailProperties().putIfAbsent("mail.smtps.sendpartial", "true");
      }
      LOG.info("E-mail is on: officials are mailed through {} from {}; links point to {}", server(),
          from.getAddress(), properties.baseUrl());
    }
  }

  /** Whether a mail server is configured. */
  public boolean isOn() {
    return sender != null;
  }

  /**
   * One plain-text UTF-8 message to all {@code recipients} that are e-mail addresses. One bad
   * address never keeps the mail from the others: an address that is not one is left out, and the
   * message goes to every address the server accepts even when it refuses some (SMTP partial
   * sending, {@code mail.smtp.sendpartial}); what was not delivered, and why, is in the answer.
   *
   * @return to whom it was sent, and who was left out or refused with the reason
   * @throws MailNotSentException when the server cannot be reached or accepts none of the addresses
   */
  public Outcome send(Collection<String> recipients, String subject, String body) {
    if (sender == null) {
      throw new IllegalStateException("E-mail is off");
    }
    Map<String, String> undelivered = new LinkedHashMap<>();
    List<InternetAddress> addresses = new ArrayList<>();
    for (String recipient : recipients) {
      parsed(recipient).ifPresentOrElse(addresses::add,
          () -> undelivered.put(recipient, "not an e-mail address"));
    }
    if (addresses.isEmpty()) {
      return new Outcome(List.of(), undelivered);
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(addresses.toArray(InternetAddress[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      sender.send(message);
      return new Outcome(addresses.stream().map(InternetAddress::getAddress).toList(), undelivered);
    } catch (MailException | MessagingException e) {
      Optional<SendFailedException> partial = causes(e).stream().filter(SendFailedException.class::isInstance)
          .map(SendFailedException.class::cast)
          .filter(refused -> refused.getValidSentAddresses() != null && refused.getValidSentAddresses().length > 0)
          .findFirst();
      if (partial.isEmpty()) {
        throw new MailNotSentException(reason(e, server()), e);
      }
      undelivered.putAll(refusals(partial.get()));
      return new Outcome(Arrays.stream(partial.get().getValidSentAddresses())
          .map(address -> ((InternetAddress) address).getAddress()).toList(), undelivered);
    }
  }

  /**
   * What a mail came to: the addresses it was sent to, and each address it was not delivered to
   * with the reason (left out as no address, or the server's answer to it).
   */
  public record Outcome(List<String> sent, Map<String, String> undelivered) {}

  /** One plain address ("vanthu@xa.gov.vn"), or nothing for whatever is not exactly one. */
  private static Optional<InternetAddress> parsed(String recipient) {
    try {
      InternetAddress address = new InternetAddress(recipient, true);
      address.validate();
      return address.getAddress() != null && address.getAddress().contains("@") && address.getPersonal() == null
          && !address.isGroup() ? Optional.of(address) : Optional.empty();
    } catch (AddressException notAnAddress) {
      return Optional.empty();
    }
  }

  /**
   * Every address the server refused or did not take now, with what it answered (the reply about
   * that address among the failures JavaMail chains, "550 5.1.1 <…>: user unknown").
   */
  private static Map<String, String> refusals(SendFailedException failure) {
    List<String> replies = new ArrayList<>();
    for (Exception next = failure.getNextException(); next != null;
        next = next instanceof MessagingException messaging ? messaging.getNextException() : null) {
      if (next.getMessage() != null) {
        replies.add(next.getMessage().strip());
      }
    }
    Map<String, String> refused = new LinkedHashMap<>();
    for (Address[] addresses : List.of(nullToEmpty(failure.getInvalidAddresses()),
        nullToEmpty(failure.getValidUnsentAddresses()))) {
      for (Address address : addresses) {
        String plain = ((InternetAddress) address).getAddress();
        refused.putIfAbsent(plain, replies.stream()
            .filter(reply -> reply.toLowerCase(Locale.ROOT).contains(plain.toLowerCase(Locale.ROOT)))
            .findFirst().orElse("refused by the mail server"));
      }
    }
    return refused;
  }

  private static Address[] nullToEmpty(Address[] addresses) {
    return addresses == null ? new Address[0] : addresses;
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
