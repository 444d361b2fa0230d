package org.articlepipeline.ingest.event;

import java.util.Locale;

/**
 * S3's per-key event ordering value, in a form that compares as text.
 *
 * <p>S3 documents that sequencers of one key may differ in length and are compared after left-padding the
 * shorter hex value with zeros. Storing every sequencer padded to one fixed width lets a DynamoDB condition
 * expression compare them with a plain string {@code <}, so ordering is enforced by a conditional write
 * instead of a read-then-write race.
 */
public final class Sequencer {

    /** Width every stored sequencer is padded to; S3's are 16–20 hex digits today. */
    public static final int WIDTH = 32;

    /** Sorts below every real sequencer: used when an event carries none (a backfill, a test event). */
    public static final String NONE = "0".repeat(WIDTH);

    private Sequencer() {
    }

    /**
     * The comparable form of {@code sequencer}: upper-case hex, left-padded with zeros to {@link #WIDTH}.
     * Absent or malformed values map to {@link #NONE}, so they never win against a real one.
     */
    public static String comparable(String sequencer) {
        if (sequencer == null || sequencer.isEmpty() || sequencer.length() > WIDTH) {
            return NONE;
        }
        for (int i = 0; i < sequencer.length(); i++) {
            if (Character.digit(sequencer.charAt(i), 16) < 0) {
                return NONE;
            }
        }
        return "0".repeat(WIDTH - sequencer.length()) + sequencer.toUpperCase(Locale.ROOT);
    }

    /** Negative, zero or positive as {@code a} happened before, with, or after {@code b} for the same key. */
    public static int compare(String a, String b) {
        return comparable(a).compareTo(comparable(b));
    }
}
