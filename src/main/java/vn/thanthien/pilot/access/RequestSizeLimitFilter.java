package vn.thanthien.pilot.access;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ceiling on the size of every request body, first in the filter chain and reading nothing
 * itself: a declared {@code Content-Length} above the limit is refused at once with 413; a body
 * without a length (chunked) is counted as whoever comes later (after authentication) reads it,
 * and reading past the limit ends the request with 413. Nothing in the application ever holds
 * more than the limit of one request in memory. Tomcat's own form and swallow limits are set to
 * the same value in {@code application.yaml}.
 *
 * <p>One kind of request may have a larger ceiling of its own (the upload of evidence files, whose
 * limits are per file and per task): every other request keeps the general one.
 */
public class RequestSizeLimitFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimitFilter.class);
  static final String MESSAGE = "Yêu cầu quá lớn: dữ liệu gửi lên vượt quá giới hạn %d byte cho phép";

  private final long maxBytes;
  private final Predicate<HttpServletRequest> larger;
  private final long largerMaxBytes;

  public RequestSizeLimitFilter(long maxBytes) {
    this(maxBytes, request -> false, maxBytes);
  }

  /** {@code maxBytes} for every request but those {@code larger} accepts, which may send {@code largerMaxBytes}. */
  public RequestSizeLimitFilter(long maxBytes, Predicate<HttpServletRequest> larger, long largerMaxBytes) {
    if (maxBytes <= 0 || largerMaxBytes <= 0) {
      throw new IllegalArgumentException("The request size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.larger = larger;
    this.largerMaxBytes = largerMaxBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long limit = larger.test(request) ? largerMaxBytes : maxBytes;
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, limit, () -> refuse(request, response, limit));
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!limited.exceeded) {
        throw e;
      }
    }
  }

  /**
   * Answers 413 and closes the response, so that what the reader of the body makes of its failed
   * read (Camunda's REST API would answer 500) is ignored: status and body of a committed, closed
   * response no longer change. Tomcat closes the connection after it, the rest being unread.
   */
  private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    LOG.warn("Refused a request body larger than {} bytes: {} {}", limit, request.getMethod(),
        request.getRequestURI());
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    byte[] body = ("{\"type\":\"PayloadTooLargeException\",\"message\":\"" + MESSAGE.formatted(limit) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
    response.getOutputStream().close();
  }

  /** What to do, once, when a body turns out larger than the limit. */
  interface OnExceeded {
    void run() throws IOException;
  }

  /** The request whose body stream stops (with an exception) once more than the limit is read. */
  static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private final OnExceeded onExceeded;
    private ServletInputStream stream;
    private BufferedReader reader;
    volatile boolean exceeded;

    LimitedRequest(HttpServletRequest request, long maxBytes, OnExceeded onExceeded) {
      super(request);
      this.maxBytes = maxBytes;
      this.onExceeded = onExceeded;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }

    private final class LimitedStream extends ServletInputStream {
      private final ServletInputStream in;
      private long count;

      LimitedStream(ServletInputStream in) {
        this.in = in;
      }

      private int counted(int n) throws IOException {
        if (n > 0) {
          count += n;
          if (count > maxBytes) {
            if (!exceeded) {
              exceeded = true;
              onExceeded.run();
            }
            throw new IOException("Request body larger than " + maxBytes + " bytes");
          }
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return counted(in.read(buffer, offset, length));
      }

      @Override
      public boolean isFinished() {
        return in.isFinished();
      }

      @Override
      public boolean isReady() {
        return in.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
      }
    }
  }
}
