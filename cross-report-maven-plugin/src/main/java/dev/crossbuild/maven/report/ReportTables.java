package dev.crossbuild.maven.report;

import java.util.List;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * Tables, cells and small inline pieces of the site report, through the Sink only. Status cells carry a CSS class
 * ({@code cross-ok}, {@code cross-warning}, {@code cross-error}) and the Bootstrap label classes the Fluido skin
 * styles, so they stand out in the rendered page without any HTML written by hand.
 */
final class ReportTables {

    enum Tone {
        OK("label label-success cross-ok"),
        WARNING("label label-warning cross-warning"),
        ERROR("label label-important cross-error"),
        NEUTRAL("label cross-neutral");

        private final String cssClass;

        Tone(String cssClass) {
            this.cssClass = cssClass;
        }
    }

    private final Sink sink;

    ReportTables(Sink sink) {
        this.sink = sink;
    }

    /** Starts a table with one header row. */
    void start(String... headers) {
        sink.table();
        sink.tableRows(null, false);
        sink.tableRow();
        for (String header : headers) {
            sink.tableHeaderCell();
            sink.text(header);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    void end() {
        sink.tableRows_();
        sink.table_();
    }

    void rowStart() {
        sink.tableRow();
    }

    void rowEnd() {
        sink.tableRow_();
    }

    /** A row of plain text cells. */
    void row(String... cells) {
        rowStart();
        for (String cell : cells) {
            cell(cell);
        }
        rowEnd();
    }

    /** A two-column row: a header cell naming the property, then its value. */
    void property(String name, String value) {
        rowStart();
        sink.tableHeaderCell();
        sink.text(name);
        sink.tableHeaderCell_();
        cell(value);
        rowEnd();
    }

    /** A two-column row whose value is code (a path, a command, a hash). */
    void codeProperty(String name, String value) {
        rowStart();
        sink.tableHeaderCell();
        sink.text(name);
        sink.tableHeaderCell_();
        codeCell(value);
        rowEnd();
    }

    /** A text cell; empty or null shows as a dash. */
    void cell(String text) {
        sink.tableCell();
        sink.text(text == null || text.isEmpty() ? "-" : text);
        sink.tableCell_();
    }

    /** A cell in a monospaced font: file names, commands, macro names. */
    void codeCell(String text) {
        sink.tableCell();
        code(text);
        sink.tableCell_();
    }

    /** A cell holding a coloured status label. */
    void statusCell(String text, Tone tone) {
        sink.tableCell();
        status(text, tone);
        sink.tableCell_();
    }

    /** A cell with a link to an anchor or page. */
    void linkCell(String text, String href) {
        sink.tableCell();
        sink.link(href);
        sink.text(text);
        sink.link_();
        sink.tableCell_();
    }

    void status(String text, Tone tone) {
        // Doxia writes an inline element only for a semantics ("phrase" is a plain span). The semantics goes last:
        // Doxia 2.1 (what the site plugin runs) removes it from the set while iterating over the set, which throws
        // ConcurrentModificationException unless it is the last entry.
        sink.inline(new SinkEventAttributeSet(SinkEventAttributes.CLASS, tone.cssClass, SinkEventAttributes.SEMANTICS, "phrase"));
        sink.text(text);
        sink.inline_();
    }

    void code(String text) {
        if (text == null || text.isEmpty()) {
            sink.text("-");
            return;
        }
        sink.inline(SinkEventAttributeSet.Semantics.CODE);
        sink.text(text);
        sink.inline_();
    }

    /** Several values in one cell, one per line. */
    void linesCell(List<String> lines) {
        cellOfLines(lines, true);
    }

    /** Several sentences in one cell, one per line, as plain text. */
    void textLinesCell(List<String> lines) {
        cellOfLines(lines, false);
    }

    private void cellOfLines(List<String> lines, boolean asCode) {
        sink.tableCell();
        if (lines.isEmpty()) {
            sink.text("-");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sink.lineBreak();
            }
            if (asCode) {
                code(lines.get(i));
            } else {
                sink.text(lines.get(i));
            }
        }
        sink.tableCell_();
    }
}
