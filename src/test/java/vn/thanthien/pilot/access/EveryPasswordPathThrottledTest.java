package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;
import vn.thanthien.pilot.access.LoopbackHttp.Reply;

/**
 * Every address that checks a password is throttled alike: the test reads every servlet and
 * filter mapping of the running application (so a mapping added later is walked too), derives the
 * paths each one matches (for {@code /x/*} the bare {@code /x} as well as {@code /x/…}), and shows
 * for each, as GET and POST with HTTP Basic from an address of its own, either that after the
 * budget of wrong passwords the right password is refused too (429, nothing learnt), or that the
 * path never checks a password (the wrong one is answered exactly as the right one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class EveryPasswordPathThrottledTest {

  static final String RIGHT = "Thu-Nghiem@2025x";
  static final String USER = "thuduongdan";
  static final int MAX_FAILURES = 5; // application-it.yaml

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired WebApplicationContext context;

  /** The paths a mapping matches, as a client would write them. */
  static List<String> pathsOf(String pattern) {
    if (pattern.equals("/") || pattern.equals("/*")) {
      return List.of("/", "/duong-dan-thu");
    }
    if (pattern.startsWith("*.")) {
      return List.of("/duong-dan-thu" + pattern.substring(1));
    }
    if (pattern.endsWith("/*")) {
      String base = pattern.substring(0, pattern.length() - 2);
      return List.of(base, base + "/", base + "/duong-dan-thu");
    }
    return List.of(pattern.isEmpty() ? "/" : pattern);
  }

  Collection<String> mappedPaths() {
    ServletContext servletContext = context.getServletContext();
    TreeSet<String> patterns = new TreeSet<>();
    for (ServletRegistration servlet : servletContext.getServletRegistrations().values()) {
      patterns.addAll(servlet.getMappings());
    }
    for (FilterRegistration filter : servletContext.getFilterRegistrations().values()) {
      patterns.addAll(filter.getUrlPatternMappings());
    }
    TreeSet<String> paths = new TreeSet<>();
    patterns.forEach(pattern -> paths.addAll(pathsOf(pattern)));
    return paths;
  }

  @Test
  void afterTheBudgetOfWrongPasswordsEveryPathRefusesTheRightOneOrNeverChecksPasswords() {
    User user = identity.newUser(USER);
    user.setFirstName("Thử");
    user.setLastName("Đường dẫn");
    user.setPassword(RIGHT);
    identity.saveUser(user);
    try {
      Collection<String> paths = mappedPaths();
      // The mappings Camunda and the application are known to have; the walk covers them all.
      assertThat(paths).contains("/engine-rest", "/engine-rest/duong-dan-thu", "/api", "/api/duong-dan-thu",
          "/actuator", "/actuator/duong-dan-thu", "/camunda/api", "/camunda/api/duong-dan-thu", "/");
      List<String> checking = new ArrayList<>();
      List<String> notChecking = new ArrayList<>();
      int client = 0;
      for (String path : paths) {
        for (String method : List.of("GET", "POST")) {
          client++;
          LoopbackHttp guesser = new LoopbackHttp(address(9, client), port);
          List<Integer> wrong = new ArrayList<>();
          for (int i = 0; i < MAX_FAILURES; i++) {
            wrong.add(send(guesser, method, path, "sai-mat-khau-" + i).status());
          }
          String what = method + " " + path + " answered " + wrong;
          if (wrong.contains(401)) {
            checking.add(method + " " + path);
            assertThat(wrong).as(what).containsOnly(401);
            Reply right = send(guesser, method, path, RIGHT);
            assertThat(right.status()).as(what + ", then the right password: " + right.body()).isEqualTo(429);
          } else {
            notChecking.add(method + " " + path);
            Reply right = send(new LoopbackHttp(address(8, client), port), method, path, RIGHT);
            assertThat(wrong).as(what + ", the right password " + right.status()).containsOnly(right.status());
            assertThat(right.status()).as(what).isNotIn(401, 429);
          }
        }
      }
      // The bare paths of point 4 (GET /api: 401 forever, 404 for the right password) are among those checked.
      assertThat(checking).contains("GET /api", "GET /engine-rest", "GET /actuator", "POST /api",
          "GET /api/duong-dan-thu", "GET /engine-rest/duong-dan-thu");
      System.out.println("Paths that check passwords, throttled: " + checking);
      System.out.println("Paths that never check passwords: " + notChecking);
    } finally {
      identity.deleteUser(USER);
    }
  }

  /** A loopback address of its own for each probe, away from the trusted proxies of application-it.yaml. */
  private static String address(int block, int client) {
    return "127." + block + "." + client / 250 + "." + (client % 250 + 1);
  }

  private static Reply send(LoopbackHttp client, String method, String path, String password) {
    return client.send(method, path, method.equals("POST") ? "{}" : null,
        "Authorization", LoopbackHttp.basic(USER, password), "Content-Type", "application/json");
  }
}
