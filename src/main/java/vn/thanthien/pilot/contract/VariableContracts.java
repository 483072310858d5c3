package vn.thanthien.pilot.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The variable contracts of every process, read from {@code classpath:contracts/*.yaml}. */
public final class VariableContracts {

  public static final String LOCATION = "classpath*:contracts/*.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, VariableContract> byProcess;

  public VariableContracts(Map<String, VariableContract> byProcess) {
    this.byProcess = Map.copyOf(byProcess);
  }

  /** Reads every contract on the classpath; fails when one is unreadable or declared twice. */
  public static VariableContracts fromClasspath() {
    Map<String, VariableContract> contracts = new LinkedHashMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          VariableContract contract = YAML.readValue(in, VariableContract.class);
          if (contract.process() == null || contracts.put(contract.process(), contract) != null) {
            throw new IllegalStateException("Contract without a process key, or declared twice: "
                + resource.getFilename());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new VariableContracts(contracts);
  }

  public Optional<VariableContract> of(String processKey) {
    return Optional.ofNullable(byProcess.get(processKey));
  }

  public Map<String, VariableContract> all() {
    return byProcess;
  }
}
