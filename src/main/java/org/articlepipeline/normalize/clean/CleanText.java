package org.articlepipeline.normalize.clean;

import java.util.List;

/**
 * Cleaned text, one entry per non-empty line.
 *
 * @param lines          the non-empty lines, trimmed, spaces collapsed
 * @param invisibleLines how many lines held only invisible characters (no-break spaces, zero-width and bidi
 *                       marks) and were dropped; plain empty lines are not counted
 */
public record CleanText(List<String> lines, int invisibleLines) {

    public CleanText {
        lines = List.copyOf(lines);
    }

    /** The lines as paragraphs separated by one blank line. */
    public String text() {
        return String.join("\n\n", lines);
    }
}
