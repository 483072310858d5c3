package vn.thanthien.pilot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of a process, as Linux counts it ({@code VmHWM} of /proc/<pid>/status). */
public final class PeakRss {

  private PeakRss() {}

  /** In MiB; -1 where the system does not tell. */
  public static long megabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException unknown) {
      // not Linux, or the process has ended
    }
    return -1;
  }

  public static long ofThisProcess() {
    return megabytes(ProcessHandle.current().pid());
  }
}
