package org.itops.platform;

import java.util.List;

/**
 * CSV as the suite writes it (RFC 4180: commas, CRLF, quotes where a cell needs them) with every cell made safe for
 * spreadsheets, and read back. A spreadsheet runs a cell that starts with {@code = + - @}, tab or carriage return
 * as a formula; some also a line of a multi-line cell that starts so. Each such line start gets a {@code '} in front,
 * which spreadsheets read as "text". A line that starts with {@code '} gets one too, so that {@link #restore} undoes
 * exactly what {@link #neutralise} did and an exported file imports again unchanged.
 */
public final class Csv {

  /** The byte order mark that tells spreadsheets (Excel, WPS) the file is UTF-8, so that Chinese text opens as typed. */
  public static final String BOM = "\uFEFF";

  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final char TEXT_MARK = '\'';

  /** The header and the rows as one CSV text; null cells are empty. */
  public static String write(List<String> header, List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    rows.forEach(row -> line(csv, row));
    return csv.toString();
  }

  /** The CSV text as a file to download: with the {@link #BOM} in front. */
  public static String file(String csv) {
    return BOM + csv;
  }

  /** A file's CSV text without the {@link #BOM} that a spreadsheet may have saved in front of it. */
  public static String withoutBom(String file) {
    return file != null && file.startsWith(BOM) ? file.substring(BOM.length()) : file;
  }

  /** The value with a {@code '} before each line start that a spreadsheet would read as a formula (or a mark). */
  public static String neutralise(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(value.length() + 1);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isLineStart(value, i) && (FORMULA_STARTS.indexOf(c) >= 0 || c == TEXT_MARK)) {
        safe.append(TEXT_MARK);
      }
      safe.append(c);
    }
    return safe.toString();
  }

  /** What {@link #neutralise} was given: the {@code '} it put before a line start is taken away again. */
  public static String restore(String cell) {
    if (cell == null) {
      return null;
    }
    StringBuilder value = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      boolean added = c == TEXT_MARK && isLineStart(cell, i) && i + 1 < cell.length()
          && (FORMULA_STARTS.indexOf(cell.charAt(i + 1)) >= 0 || cell.charAt(i + 1) == TEXT_MARK);
      if (added) {
        value.append(cell.charAt(++i));
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static boolean isLineStart(String text, int i) {
    return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(neutralise(cells.get(i))));
    }
    csv.append("\r\n");
  }

  private static String quoted(String cell) {
    if (cell == null) {
      return "";
    }
    boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0;
    return quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  private Csv() {}
}
