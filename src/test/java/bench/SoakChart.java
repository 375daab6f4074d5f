package bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * The soak's samples as a CSV file, and the CSV drawn as a PNG chart of stacked panels, one line per series, time
 * across.
 */
final class SoakChart {

  static final String HISTORY = "engine history (act_hi_*)";
  static final List<String> TABLE_GROUPS = List.of("engine runtime (act_ru_*)", HISTORY,
      "engine other (act_ge_*, act_re_*, ...)", "suite's tables");

  /** What the soak saw in one sample interval. */
  record Sample(double minute, double heapMiB, Map<String, Double> tableMiB, long dueJobs, long waitingJobs,
      long jobIncidents, Map<String, Double> p99Millis, Map<SoakBenchmark.Kind, Double> finishedPerSecond,
      long failures, long inFlight) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "minute %.1f: heap after GC %.0f MiB; tables MiB %s; jobs due %d, waiting %d,"
          + " failed %d; p99 ms %s; finished/s %s; failures so far %d, in flight %d", minute, heapMiB,
          format(tableMiB), dueJobs, waitingJobs, jobIncidents, format(p99Millis), format(finishedPerSecond), failures,
          inFlight);
    }
  }

  /** One panel: its title and its series, each a name and how to read it from a sample. */
  private record Panel(String title, Map<String, Function<Sample, Double>> series) {}

  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};
  private static final int WIDTH = 1100;
  private static final int PANEL_HEIGHT = 210;
  private static final int LEFT = 70;
  private static final int PLOT_WIDTH = 740;
  private static final int TOP = 50;

  private SoakChart() {
  }

  static List<String> csv(List<Sample> samples) {
    List<Panel> panels = panels();
    List<String> lines = new ArrayList<>();
    lines.add("minute," + panels.stream().flatMap(panel -> panel.series().keySet().stream()
        .map(name -> '"' + panel.title() + ": " + name + '"')).collect(Collectors.joining(",")));
    for (Sample sample : samples) {
      lines.add(String.format(Locale.ROOT, "%.2f", sample.minute()) + "," + panels.stream()
          .flatMap(panel -> panel.series().values().stream())
          .map(read -> String.format(Locale.ROOT, "%.2f", read.apply(sample))).collect(Collectors.joining(",")));
    }
    return lines;
  }

  /** Redraws a chart from the soak's CSV file: {@code SoakChart <csv> <png> <title>}. */
  public static void main(String[] args) throws IOException {
    draw(Files.readAllLines(Path.of(args[0])), args[2], Path.of(args[1]));
  }

  /** Draws the CSV's columns ({@code "panel: series"}), one panel per panel title in the order of the columns. */
  static void draw(List<String> csv, String title, Path png) throws IOException {
    List<String> columns = parseHeader(csv.get(0));
    double[] minutes = new double[csv.size() - 1];
    double[][] values = new double[columns.size()][csv.size() - 1];
    for (int row = 1; row < csv.size(); row++) {
      String[] cells = csv.get(row).split(",");
      minutes[row - 1] = Double.parseDouble(cells[0]);
      for (int column = 0; column < columns.size(); column++) {
        values[column][row - 1] = Double.parseDouble(cells[column + 1]);
      }
    }
    Map<String, Map<String, double[]>> panels = new LinkedHashMap<>();
    for (int column = 0; column < columns.size(); column++) {
      int colon = columns.get(column).indexOf(": ");
      panels.computeIfAbsent(columns.get(column).substring(0, colon), panel -> new LinkedHashMap<>())
          .put(columns.get(column).substring(colon + 2), values[column]);
    }
    BufferedImage image = new BufferedImage(WIDTH, TOP + panels.size() * PANEL_HEIGHT + 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 28);
    int index = 0;
    for (Map.Entry<String, Map<String, double[]>> panel : panels.entrySet()) {
      drawPanel(g, panel.getKey(), panel.getValue(), minutes, TOP + index * PANEL_HEIGHT, ++index == panels.size());
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  /** The header's column names after the first ({@code minute}), each quoted. */
  private static List<String> parseHeader(String header) {
    List<String> columns = new ArrayList<>();
    Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(header);
    while (quoted.find()) {
      columns.add(quoted.group(1));
    }
    return columns;
  }

  private static void drawPanel(Graphics2D g, String title, Map<String, double[]> series, double[] minuteOf, int top,
      boolean last) {
    int plotTop = top + 22;
    int plotHeight = PANEL_HEIGHT - 50;
    double minutes = minuteOf.length == 0 ? 1 : minuteOf[minuteOf.length - 1];
    double max = series.values().stream().flatMapToDouble(Arrays::stream).filter(value -> !Double.isNaN(value))
        .max().orElse(1);
    double step = niceStep(Math.max(max, 1e-9) / 4);
    double ceiling = Math.ceil(Math.max(max, 1e-9) / step) * step;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, top + 14);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double y = 0; y <= ceiling + step / 2; y += step) {
      int py = plotTop + plotHeight - (int) Math.round(y / ceiling * plotHeight);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT, py, LEFT + PLOT_WIDTH, py);
      g.setColor(Color.DARK_GRAY);
      String label = step >= 1 ? String.format(Locale.ROOT, "%,.0f", y) : String.format(Locale.ROOT, "%.2f", y);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
    }
    double minuteStep = niceStep(minutes / 6);
    for (double m = 0; m <= minutes + 1e-9; m += minuteStep) {
      int px = LEFT + (int) Math.round(m / minutes * PLOT_WIDTH);
      g.setColor(new Color(0xf0f0f0));
      g.drawLine(px, plotTop, px, plotTop + plotHeight);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, minuteStep >= 1 ? "%.0f" : "%.1f", m);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, plotTop + plotHeight + 14);
    }
    if (last) {
      g.drawString("minutes of the soak", LEFT + PLOT_WIDTH / 2 - 50, plotTop + plotHeight + 28);
    }
    g.setColor(Color.GRAY);
    g.drawRect(LEFT, plotTop, PLOT_WIDTH, plotHeight);
    int index = 0;
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      Color color = COLORS[index % COLORS.length];
      Path2D.Double line = new Path2D.Double();
      boolean drawing = false;
      for (int i = 0; i < minuteOf.length; i++) {
        double value = entry.getValue()[i];
        if (Double.isNaN(value)) {
          drawing = false;
          continue;
        }
        double px = LEFT + minuteOf[i] / minutes * PLOT_WIDTH;
        double py = plotTop + plotHeight - value / ceiling * plotHeight;
        if (drawing) {
          line.lineTo(px, py);
        } else {
          line.moveTo(px, py);
          drawing = true;
        }
      }
      g.setColor(color);
      g.setStroke(new BasicStroke(2f));
      g.draw(line);
      g.setStroke(new BasicStroke(1f));
      int ly = plotTop + 10 + index * 16;
      g.fillRect(LEFT + PLOT_WIDTH + 16, ly - 8, 14, 4);
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), LEFT + PLOT_WIDTH + 36, ly - 2);
      index++;
    }
  }

  /** 1, 2 or 5 times a power of ten, at least the raw step. */
  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * power >= raw) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  private static List<Panel> panels() {
    Map<String, Function<Sample, Double>> tables = new LinkedHashMap<>();
    TABLE_GROUPS.stream().filter(group -> !group.equals(HISTORY))
        .forEach(group -> tables.put(group, sample -> sample.tableMiB().get(group)));
    Map<String, Function<Sample, Double>> latency = new LinkedHashMap<>();
    SoakBenchmark.REQUESTS.forEach(request -> latency.put(request, sample -> sample.p99Millis().get(request)));
    Map<String, Function<Sample, Double>> finished = new LinkedHashMap<>();
    for (SoakBenchmark.Kind kind : SoakBenchmark.Kind.values()) {
      finished.put(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), sample -> sample.finishedPerSecond().get(kind));
    }
    Map<String, Function<Sample, Double>> work = new LinkedHashMap<>();
    work.put("jobs due, not yet run", sample -> (double) sample.dueJobs());
    work.put("timers waiting for their time", sample -> (double) sample.waitingJobs());
    work.put("failed jobs (incidents in Cockpit)", sample -> (double) sample.jobIncidents());
    work.put("flows of the load in flight", sample -> (double) sample.inFlight());
    return List.of(new Panel("Heap after a full collection (MiB)", Map.of("heap", Sample::heapMiB)),
        new Panel("Engine history on disk (MiB)", Map.of(HISTORY, sample -> sample.tableMiB().get(HISTORY))),
        new Panel("Runtime and the suite's tables on disk (MiB)", tables),
        new Panel("Job backlog and work in flight", work),
        new Panel("p99 latency of each half minute (ms)", latency),
        new Panel("Flows finished per second", finished));
  }

  private static String format(Map<?, Double> values) {
    return values.entrySet().stream().map(entry -> String.format(Locale.ROOT, "%s %.1f",
        entry.getKey().toString().toLowerCase(Locale.ROOT), entry.getValue())).collect(Collectors.joining(", "));
  }
}
