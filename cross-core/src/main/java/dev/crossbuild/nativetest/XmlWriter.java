package dev.crossbuild.nativetest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer: elements, attributes and text, each escaped as it is written, indented by two
 * spaces. Characters XML 1.0 cannot hold at all (control characters other than tab, newline and carriage return,
 * U+FFFE, U+FFFF, lone surrogates), which a test's output may well contain, are written as {@code \\u001b} style
 * text instead, so the document always parses and nothing is silently lost.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();
    private boolean tagOpen;
    private boolean hasChildren;

    /** Starts {@code <name}; attributes may follow until content or another element is written. */
    XmlWriter start(String name) {
        closeStartTag();
        if (!open.isEmpty()) {
            out.append('\n');
        }
        indent();
        out.append('<').append(name);
        open.push(name);
        tagOpen = true;
        hasChildren = false;
        return this;
    }

    XmlWriter attribute(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    /** Text content of the current element; the element is then closed on one line with it. */
    XmlWriter text(String text) {
        closeStartTag();
        escape(text, false);
        return this;
    }

    XmlWriter end() {
        String name = open.pop();
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            if (hasChildren) {
                out.append('\n');
                indent();
            }
            out.append("</").append(name).append('>');
        }
        hasChildren = true;
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out + "\n";
    }

    private void closeStartTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    private void indent() {
        out.append("  ".repeat(open.size()));
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                // In attributes, whitespace other than space is normalised away by parsers unless written as references.
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format("\\u%04x", c));
                    }
                }
            }
        }
    }

    /** XML 1.0's Char production, minus tab/newline/carriage return (handled above). */
    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
