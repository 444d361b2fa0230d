package org.articlepipeline.normalize.structure;

import java.util.Random;

/** Random text for the tests that check a hand-written scan against the regex it stands for. */
final class GeneratedText {

    private GeneratedText() {
    }

    /** {@code count} pieces drawn from {@code pieces} by {@code r}, glued together in a builder to append to. */
    static StringBuilder glued(Random r, String[] pieces, int count) {
        StringBuilder sb = new StringBuilder();
        for (int k = count; k > 0; k--) {
            sb.append(pieces[r.nextInt(pieces.length)]);
        }
        return sb;
    }
}
