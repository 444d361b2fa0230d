package org.articlepipeline.normalize.html;

import org.articlepipeline.normalize.structure.ChromeReason;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Node;

/** What the extractor dropped from a page: each line of text of each dropped block, with the reason. */
final class Removals {

    /** One dropped line and why. */
    record Entry(String text, ChromeReason reason) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Lists every line of {@code block} with {@code reason}. */
    void add(Node block, ChromeReason reason) {
        for (String line : BlockLines.of(block)) {
            entries.add(new Entry(line, reason));
        }
    }

    /** Lists {@code lines} with {@code reason}. */
    void addLines(List<String> lines, ChromeReason reason) {
        for (String line : lines) {
            entries.add(new Entry(line, reason));
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
