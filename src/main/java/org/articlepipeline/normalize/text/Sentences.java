package org.articlepipeline.normalize.text;

import java.util.List;

/**
 * Whether text holds a sentence: a word ending in {@code . ! ? ؟ … ۔} (after closing quotes or a space) at
 * the end of the text or before a space. A number's point ({@code 3.5}), a domain ({@code example.com}) or an
 * abbreviation inside a word does not end a sentence; colons and semicolons do not either, so a list of labels
 * ({@code Share: Print:}) holds none.
 */
public final class Sentences {

    private Sentences() {
    }

    /** Whether any of {@code texts} holds a sentence. */
    public static boolean anyIn(List<String> texts) {
        for (String text : texts) {
            if (holdOne(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds a sentence. */
    public static boolean holdOne(String text) {
        int n = text.length();
        for (int i = 1; i < n; i++) {
            if (!isSentenceEnd(text.charAt(i))) {
                continue;
            }
            int before = i - 1;
            while (before > 0 && (isClosingMark(text.charAt(before)) || text.charAt(before) == ' ')) {
                before--;                // «قال "نعم".» ends after the quote; "التالي ." is often typed with a space
            }
            int after = i + 1;
            while (after < n && (isClosingMark(text.charAt(after)) || isSentenceEnd(text.charAt(after)))) {
                after++;                                    // "?!", "...", ".»"
            }
            if (Character.isLetterOrDigit(text.charAt(before))
                    && (after == n || Character.isWhitespace(text.charAt(after)))) {
                return true;
            }
            i = after - 1;            // each char is looked at a bounded number of times: a run of dots is linear
        }
        return false;
    }

    private static boolean isClosingMark(char c) {
        return switch (c) {
            case '"', '\'', '”', '’', '»', ')', ']', '›' -> true;
            default -> false;
        };
    }

    private static boolean isSentenceEnd(char c) {
        return switch (c) {
            case '.', '!', '?', '؟', '…', '۔' -> true;
            default -> false;
        };
    }
}
