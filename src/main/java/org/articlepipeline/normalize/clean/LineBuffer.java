package org.articlepipeline.normalize.clean;

/**
 * The room {@link TextCleaner} builds each line in, which a caller that cleans page after page on one thread
 * lends to every page instead of having a fresh one made for each: at hundreds of megabytes a second, making
 * and zeroing a buffer costs about as much as the work done in it. Not thread-safe: one per thread.
 */
public final class LineBuffer {

    /** Chars made room for up front: most news paragraphs are shorter, and a longer line grows the room. */
    static final int ROOM = 512;
    /** Room kept after a page whatever it grew to: a huge upload's line is not held on to for good. */
    static final int KEEP = 1 << 16;

    private char[] chars = new char[ROOM + 32];

    /** The room to build a line in. */
    char[] chars() {
        return chars;
    }

    /** Takes back the room after a page, grown or not; room grown past {@link #KEEP} is let go. */
    void giveBack(char[] used) {
        if (used.length <= KEEP) {
            chars = used;
        }
    }
}
