package org.articlepipeline.normalize.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Lines in {@link MatchingForm}, each folded once for every stage that reads it: structure analysis counts its
 * words and function words, the content hash reads its chars, the fingerprint its term hashes and the article
 * its word count. Folding a line once instead of once per stage is what this class is for.
 *
 * <p>Per line it keeps:
 * <ul>
 *   <li>its matching form followed by a line feed, all lines in one buffer; {@link #digest} feeds them to
 *       the content hash;</li>
 *   <li>the {@link MatchingForm#termHashes term hashes} of its terms;</li>
 *   <li>{@link #words}: its terms holding a letter, and {@link #functionWords}: how many of those are
 *       {@link Stopwords stopwords};</li>
 *   <li>{@link #tokens}: its space-separated tokens holding a letter or digit, the unit of an article's word
 *       count (read on the line as written, not folded);</li>
 *   <li>whether it holds a surrogate pair ({@link #hasSurrogates}), so code points are counted only then.</li>
 * </ul>
 * Storage is a few arrays shared by all lines, so once they have grown a line costs no allocation. The body
 * of an article is {@link #select selected} from the page's lines as a read-only view, and a first paragraph
 * that loses its dateline is {@link #addTail taken without it}, so no line is folded or copied twice. Folding
 * reads one packed table entry per char (fold and flags together) and looks each word up in the stoplist by
 * its hash without a branch ({@link TermHashSet}); the loop counts tokens without a branch too, because word
 * boundaries come at no pattern a predictor learns.
 * Instances are not thread-safe: one per page.
 */
public final class FoldedLines {

    // Per-line facts, STRIDE ints per line in one array.
    private static final int FOLDED_END = 0;
    private static final int TERMS_END = 1;
    private static final int WORDS = 2;
    private static final int FUNCTION_WORDS = 3;
    private static final int TOKENS = 4;
    private static final int HIGH_SURROGATES = 5;
    private static final int FOLDED_START = 6;
    private static final int TERMS_START = 7;
    private static final int STRIDE = 8;
    /** Where a line's start is kept: its end's index plus this. */
    private static final int START_OF_END = FOLDED_START - FOLDED_END;

    private final Stopwords stopwords;
    /** The term hashes of every line, in order. */
    private long[] terms;
    private int termCount;
    private int[] facts;
    private int size;
    /** The matching form of every line, each followed by a line feed. */
    private char[] folded;
    private int foldedLength;
    /**
     * For a {@link #select selection}, the page whose buffers it reads and which lends it its digest buffer;
     * nothing is appended to a selection. Null for a page.
     */
    private final FoldedLines page;
    /** Where {@link #digest} copies chars out as bytes: the page's, lent to its selections; made on first use. */
    private byte[] digestBuffer;

    /**
     * Room for about {@code chars} chars of text in {@code lines} lines, so that a page sized up front never
     * grows its buffers; function words are counted against {@code stopwords}.
     */
    public FoldedLines(Stopwords stopwords, int chars, int lines) {
        this(stopwords, foldedRoom(chars, lines), termRoom(chars, lines), lines + 1);
    }

    /** Buffer room for {@code chars} chars in {@code lines} lines, each followed by a line feed. */
    private static int foldedRoom(int chars, int lines) {
        return chars + lines + 1;
    }

    /** Term room: a page has about one term per five or six chars; the fold loop grows the buffer if it has more. */
    private static int termRoom(int chars, int lines) {
        return chars / 5 + lines + 1;
    }

    /**
     * Forgets every line and makes room for a page of about {@code chars} chars in {@code lines} lines, keeping
     * the buffers where they fit: a caller that folds page after page in one instance allocates nothing once
     * they have grown, and at hundreds of megabytes a second fresh buffers cost as much as folding into them
     * (each new cache line is fetched from memory before it is written). A buffer far larger than this page
     * needs, left by a huge upload, is let go rather than kept for good.
     *
     * <p>Selections and term lists taken before read lines that are no longer there: they must not be used
     * after this.
     */
    public void clear(int chars, int lines) {
        refuseIfSelection();
        size = 0;
        termCount = 0;
        foldedLength = 0;
        int foldedNeed = foldedRoom(chars, lines);
        int termNeed = termRoom(chars, lines);
        int factNeed = (lines + 1) * STRIDE;
        if (!fits(folded.length, foldedNeed)) {
            folded = new char[foldedNeed];
        }
        if (!fits(terms.length, termNeed)) {
            terms = new long[termNeed];
        }
        if (!fits(facts.length, factNeed)) {
            facts = new int[factNeed];
        }
    }

    /** Cells kept across {@link #clear} whatever the page: about the largest news article, in chars. */
    private static final int KEEP_ANYWAY = 1 << 17;

    /** Whether a buffer of {@code capacity} cells is kept for a page that needs {@code need}. */
    static boolean fits(int capacity, int need) {
        return capacity >= need && (capacity <= KEEP_ANYWAY || capacity <= 2 * need);
    }

    private FoldedLines(Stopwords stopwords, int foldedCapacity, int termCapacity, int lineCapacity) {
        this.stopwords = stopwords;
        this.terms = new long[termCapacity];
        this.facts = new int[lineCapacity * STRIDE];
        this.folded = new char[foldedCapacity];
        this.page = null;
    }

    /** A selection of {@code size} lines of {@code page}, whose facts are {@code facts}. */
    private FoldedLines(FoldedLines page, int[] facts, int size) {
        this.stopwords = page.stopwords;
        this.terms = page.terms;
        this.folded = page.folded;
        this.facts = facts;
        this.size = size;
        this.page = page;
        int count = 0;
        for (int line = 0; line < size; line++) {
            count += facts[line * STRIDE + TERMS_END] - facts[line * STRIDE + TERMS_START];
        }
        this.termCount = count;
    }

    /** Folds {@code line} and appends it. */
    public void add(String line) {
        refuseIfSelection();
        int n = line.length();
        ensureFolded(foldedLength + n + 1);
        char[] out = folded;
        int at = foldedLength;
        // The line is copied in bulk where its folding goes and folded in place: folding maps a char to at most
        // one char, so every char is read before its cell is written over, and no buffer of its own is needed.
        line.getChars(0, n, out, at);
        // The line feed that ends every line in the buffer, folded like any char: it ends the last term too.
        out[at + n] = '\n';
        long[] hashes = terms;
        int termsAt = termCount;
        int words = 0;
        int functionWords = 0;
        int tokens = 0;
        // 1 inside a token: counted as an int, without a branch, because word starts come at no pattern.
        int inToken = 0;
        long h = MatchingForm.TERM_HASH_OFFSET;
        boolean inTerm = false;
        // The entries of the term's chars or-ed together: its LETTER bit says whether it holds a letter.
        int letter = 0;
        int highSurrogates = 0;
        for (int i = at, end = at + n; i <= end; i++) {
            char raw = out[i];
            int entry;
            if (raw < ENTRIES_END) {
                entry = ENTRIES[raw];
            } else if ((char) (raw - PUNCTUATION_START) < PUNCTUATION.length) {
                entry = PUNCTUATION[raw - PUNCTUATION_START];
            } else {
                entry = entry(raw);
                highSurrogates += Character.isHighSurrogate(raw) ? 1 : 0;
            }
            if (entry < 0) {
                // Dropped from the matching form, but tatweel and two small Quranic letters are letters as
                // written, and the word count reads the line as written.
                if (inToken == 0 && (entry & RAW_WORD) != 0) {
                    tokens++;
                    inToken = 1;
                }
                continue;
            }
            char c = (char) entry;
            // Every char the fold keeps is a word char exactly when it was one as written, and only a space
            // folds to a space: the word count can read the folded char.
            if ((entry & WORD) != 0) {
                tokens += inToken ^ 1;
                inToken = 1;
                h = (h ^ c) * MatchingForm.TERM_HASH_PRIME;
                inTerm = true;
                letter |= entry;
            } else {
                inToken &= c != ' ' ? 1 : 0;
                if (inTerm) {
                    if (termsAt == hashes.length) {
                        hashes = growTerms();
                    }
                    hashes[termsAt++] = h;
                    if ((letter & LETTER) != 0) {
                        words++;
                        if (stopwords.isStopwordHash(h)) {
                            functionWords++;
                        }
                    }
                    h = MatchingForm.TERM_HASH_OFFSET;
                    inTerm = false;
                    letter = 0;
                }
            }
            out[at++] = c;
        }
        int foldedStart = foldedLength;
        int termsStart = termCount;
        foldedLength = at;
        termCount = termsAt;
        int f = newLine(foldedStart, termsStart);
        facts[f + WORDS] = words;
        facts[f + FUNCTION_WORDS] = functionWords;
        facts[f + TOKENS] = tokens;
        facts[f + HIGH_SURROGATES] = highSurrogates;
    }

    /**
     * {@link #entry} of every char of the Latin and Arabic blocks, computed once, so that folding a char and
     * learning what it is costs the hot loop one load.
     */
    private static final char ENTRIES_END = '\u0700';
    private static final int[] ENTRIES = entryTable();
    /** Bit of an entry: the folded char is a letter or digit. */
    private static final int WORD = 1 << 16;
    /** Bit of an entry: the folded char is a word char other than an ASCII digit (a word, not a number). */
    private static final int LETTER = 1 << 17;
    /** Bit of an entry: the char as written is a word char (read for dropped chars only). */
    private static final int RAW_WORD = 1 << 18;
    /** Sign bit of an entry: the matching form drops the char. */
    private static final int DROPPED = 1 << 31;

    /**
     * {@link #entry} of the General Punctuation block: curly quotes, dashes and ellipses, which most news pages
     * hold, so they take the loop's common path instead of the one for rare chars (see docs/benchmarks.md).
     */
    private static final char PUNCTUATION_START = '\u2000';
    private static final int[] PUNCTUATION = entryTable(PUNCTUATION_START, '\u2070');

    private static int[] entryTable() {
        return entryTable('\u0000', ENTRIES_END);
    }

    /** {@link #entry} of every char from {@code from} up to {@code to}, exclusive. */
    private static int[] entryTable(char from, char to) {
        int[] t = new int[to - from];
        for (char c = from; c < to; c++) {
            t[c - from] = entry(c);
        }
        return t;
    }

    /**
     * Everything the fold loop asks of a char, packed in an int: its {@link MatchingForm#fold fold} in the low
     * 16 bits and the {@link #WORD}, {@link #LETTER}, {@link #RAW_WORD} and {@link #DROPPED} bits.
     */
    private static int entry(char raw) {
        char c = MatchingForm.fold(raw);
        int entry = MatchingForm.isWordChar(raw) ? RAW_WORD : 0;
        if (c == MatchingForm.DROP) {
            return entry | DROPPED;
        }
        if (MatchingForm.isWordChar(c)) {
            entry |= WORD | (c > '9' || c < '0' ? LETTER : 0);
        }
        return entry | c;
    }

    /**
     * Lines {@code lines[0]} to {@code lines[count - 1]} of this page, in that order, as they were folded here:
     * the body of an article without folding it again. The selection reads this page's buffers, which appending
     * never overwrites, so nothing is copied but the lines' facts; nothing can be appended to it.
     */
    public FoldedLines select(int[] lines, int count) {
        int[] selected = new int[count * STRIDE];
        for (int i = 0; i < count; i++) {
            System.arraycopy(facts, lines[i] * STRIDE, selected, i * STRIDE, STRIDE);
        }
        return new FoldedLines(this, selected, count);
    }

    /**
     * Appends line {@code line} of this page, whose text is {@code text}, without its first {@code headLength}
     * chars (a dateline): what is left is {@code text.substring(headLength)}. Folding works char by char and a
     * term or a counted token cannot cross a head that ends in a space, or in dashes after a space, so the
     * tail is the line's folding minus the head's: only the short head is folded. Any other head, and any
     * surprise, folds the tail instead. The tail is named by where it starts rather than passed as a string,
     * so nothing has to check, char by char, that it is the end of the text.
     */
    public void addTail(int line, String text, int headLength) {
        refuseIfSelection();
        String head = text.substring(0, headLength);
        if (!endsBetweenTokens(head)) {
            add(text.substring(headLength));
            return;
        }
        add(head);
        int h = size - 1;
        int hf = h * STRIDE;
        int headStart = start(h, FOLDED_END);
        int headFolded = facts[hf + FOLDED_END] - headStart - 1;            // without its line feed
        int headTerms = facts[hf + TERMS_END] - start(h, TERMS_END);
        int headWords = facts[hf + WORDS];
        int headFunctionWords = facts[hf + FUNCTION_WORDS];
        int headTokens = facts[hf + TOKENS];
        int headHighSurrogates = facts[hf + HIGH_SURROGATES];
        int lineStart = start(line, FOLDED_END);
        boolean same = Arrays.equals(folded, headStart, headStart + headFolded,
                folded, lineStart, lineStart + headFolded);
        // Forget the head again: the tail takes its place at the end.
        size--;
        foldedLength = headStart;
        termCount = start(h, TERMS_END);
        if (!same) {
            add(text.substring(headLength));
            return;
        }
        int f = line * STRIDE;
        int from = lineStart + headFolded;
        int length = facts[f + FOLDED_END] - from;
        int foldedStart = foldedLength;
        ensureFolded(foldedLength + length);
        System.arraycopy(folded, from, folded, foldedLength, length);
        foldedLength += length;
        int termsFrom = start(line, TERMS_END) + headTerms;
        int count = facts[f + TERMS_END] - termsFrom;
        int termsStart = termCount;
        ensureTerms(termCount + count);
        System.arraycopy(terms, termsFrom, terms, termCount, count);
        termCount += count;
        int to = newLine(foldedStart, termsStart);
        facts[to + WORDS] = facts[f + WORDS] - headWords;
        facts[to + FUNCTION_WORDS] = facts[f + FUNCTION_WORDS] - headFunctionWords;
        facts[to + TOKENS] = facts[f + TOKENS] - headTokens;
        facts[to + HIGH_SURROGATES] = facts[f + HIGH_SURROGATES] - headHighSurrogates;
    }

    /** Whether {@code head} ends in a space, or in dashes right after a space. */
    private static boolean endsBetweenTokens(String head) {
        int i = head.length() - 1;
        while (i >= 0 && (head.charAt(i) == '-' || head.charAt(i) == '–' || head.charAt(i) == '—')) {
            i--;
        }
        return i >= 0 && head.charAt(i) == ' ';
    }

    /**
     * The terms of line {@code line}, as strings: the same as {@link MatchingForm#terms} of the line, read off
     * its folded chars instead of folding it again. The list is unmodifiable and makes each string when it is
     * first asked for: chrome rules mostly look at a line's first term, so most terms never become strings.
     */
    public Terms terms(int line) {
        int termsFrom = start(line, TERMS_END);
        return new Terms(folded, start(line, FOLDED_END), facts[line * STRIDE + FOLDED_END],
                terms, termsFrom, facts[line * STRIDE + TERMS_END] - termsFrom);
    }

    /**
     * The terms of one line, made into strings on demand, which can also tell a term's hash and whether it is a
     * number without making its string: most lines are asked only that of their first term, and answered no.
     * Appending lines never writes over the chars or hashes of a line already folded, so the list can keep
     * reading the buffers it was made on (until the page is {@link #clear cleared}).
     */
    public static final class Terms extends AbstractList<String> implements RandomAccess {
        private static final Terms NONE = new Terms(new char[0], 0, 0, new long[0], 0, 0);

        private final char[] folded;
        private final int from;
        private final int to;
        private final long[] hashes;
        private final int hashesFrom;
        private final int count;
        /** The strings made so far; made on the first one, since most lines are asked for none. */
        private String[] strings;
        /** How many terms the scan has passed, and where it stopped: right after the last term passed. */
        private int passed;
        private int scanned;

        private Terms(char[] folded, int from, int to, long[] hashes, int hashesFrom, int count) {
            this.folded = folded;
            this.from = from;
            this.scanned = from;
            this.to = to;
            this.hashes = hashes;
            this.hashesFrom = hashesFrom;
            this.count = count;
        }

        /** No terms: what a line too long to be read term by term is given. Nothing in it can change. */
        public static Terms none() {
            return NONE;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, count);     // as a list must
            if (strings == null) {
                strings = new String[count];
            }
            String term = strings[index];
            if (term == null) {
                int start = find(index);
                term = new String(folded, start, scanned - start);
                strings[index] = term;
            }
            return term;
        }

        @Override
        public int size() {
            return count;
        }

        /** The {@link MatchingForm#termHashes hash} of term {@code index}, as folding computed it. */
        public long hash(int index) {
            Objects.checkIndex(index, count);
            return hashes[hashesFrom + index];
        }

        /** {@link Chars#isNumber} of term {@code index}, told without making its string. */
        public boolean isNumber(int index) {
            Objects.checkIndex(index, count);
            int start = find(index);
            return Chars.isNumber(folded, start, scanned);
        }

        /**
         * Where term {@code index} starts; it ends where the scan stopped. The scan goes on from the last term
         * passed, or from the line's start for a term before it. Terms are found only as far as one is asked
         * for, and rules mostly read them in order from the first, so a line is scanned about once and no array
         * of bounds is kept.
         */
        private int find(int index) {
            if (index < passed) {
                passed = 0;
                scanned = from;
            }
            int i = scanned;
            int start;
            while (true) {
                while (!MatchingForm.isWordChar(folded[i])) {
                    i++;
                }
                start = i;
                while (i < to && MatchingForm.isWordChar(folded[i])) {
                    i++;
                }
                if (passed++ == index) {
                    break;
                }
            }
            scanned = i;
            return start;
        }
    }

    /**
     * The letters and digits of the matching form of line {@code line}, nothing else: what two lines share
     * when they are the same line but for spacing and punctuation.
     */
    public String wordChars(int line) {
        int start = start(line, FOLDED_END);
        int end = facts[line * STRIDE + FOLDED_END];
        char[] out = new char[end - start];
        int k = 0;
        for (int i = start; i < end; i++) {
            if (MatchingForm.isWordChar(folded[i])) {
                out[k++] = folded[i];
            }
        }
        return new String(out, 0, k);
    }

    /** The length of {@link #wordChars} of line {@code line}, counted without building it. */
    public int wordCharCount(int line) {
        int count = 0;
        for (int i = start(line, FOLDED_END), end = facts[line * STRIDE + FOLDED_END]; i < end; i++) {
            if (MatchingForm.isWordChar(folded[i])) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether any term of line {@code line} is in {@code set}, asked of the term hashes folding left: none of
     * the line's terms becomes a string.
     */
    public boolean anyTermIn(int line, TermHashSet set) {
        for (int i = start(line, TERMS_END), end = facts[line * STRIDE + TERMS_END]; i < end; i++) {
            if (set.contains(terms[i])) {
                return true;
            }
        }
        return false;
    }

    /** How many terms line {@code line} has. */
    public int termCount(int line) {
        return facts[line * STRIDE + TERMS_END] - start(line, TERMS_END);
    }

    /** The hash of term {@code k} of line {@code line}. */
    public long termHash(int line, int k) {
        return terms[start(line, TERMS_END) + k];
    }

    /** How many terms all lines have together. */
    public int termCount() {
        return termCount;
    }

    /** How many lines there are. */
    public int size() {
        return size;
    }

    /** How many terms of line {@code line} hold a letter (digit-only terms are numbers, not words). */
    public int words(int line) {
        return facts[line * STRIDE + WORDS];
    }

    /** How many of the {@link #words} of line {@code line} are function words. */
    public int functionWords(int line) {
        return facts[line * STRIDE + FUNCTION_WORDS];
    }

    /** The finished form of these lines, copied out of the buffers the next page will reuse. */
    public BodyForm bodyForm() {
        int count = 0;
        for (int line = 0; line < size; line++) {
            count += termCount(line);
        }
        StringBuilder hashInput = new StringBuilder();
        long[] hashes = new long[count];
        int h = 0;
        int words = 0;
        for (int line = 0; line < size; line++) {
            int from = start(line, FOLDED_END);
            hashInput.append(folded, from, facts[line * STRIDE + FOLDED_END] - from);
            int t = start(line, TERMS_END);
            int end = facts[line * STRIDE + TERMS_END];
            System.arraycopy(terms, t, hashes, h, end - t);
            h += end - t;
            words += tokens(line);
        }
        return new BodyForm(hashInput.toString(), hashes, words, hasSurrogates());
    }

    /**
     * Whether any line holds a char beyond the Basic Multilingual Plane (a high surrogate): only then does its
     * length in chars differ from its length in code points.
     */
    public boolean hasSurrogates() {
        for (int line = 0; line < size; line++) {
            if (facts[line * STRIDE + HIGH_SURROGATES] > 0) {
                return true;
            }
        }
        return false;
    }

    /** How many space-separated tokens of line {@code line} hold a letter or digit. */
    public int tokens(int line) {
        return facts[line * STRIDE + TOKENS];
    }

    /**
     * Feeds every line's matching form, each followed by a line feed, to {@code digest} as UTF-16LE: the chars
     * as they are held, copied out in bulk. UTF-8 would take a pass that branches at every switch between an
     * ASCII space and an Arabic letter, which cost more than the whole SHA-256 of the result; for Arabic
     * script UTF-16 is as short as UTF-8, so the digest reads no more bytes.
     */
    public void digest(MessageDigest digest) {
        FoldedLines owner = page == null ? this : page;
        if (owner.digestBuffer == null) {
            owner.digestBuffer = new byte[DIGEST_BUFFER];
        }
        byte[] buf = owner.digestBuffer;
        CharBuffer view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer();
        int line = 0;
        while (line < size) {
            // Lines that lay next to each other on the page go in as one run: a body is mostly one or two.
            int at = start(line, FOLDED_END);
            int end = facts[line * STRIDE + FOLDED_END];
            for (line++; line < size && start(line, FOLDED_END) == end; line++) {
                end = facts[line * STRIDE + FOLDED_END];
            }
            while (at < end) {
                int n = Math.min(view.capacity(), end - at);
                view.clear();
                view.put(folded, at, n);
                digest.update(buf, 0, 2 * n);
                at += n;
            }
        }
    }

    /** Bytes copied to the digest per update: a few paragraphs' worth. */
    private static final int DIGEST_BUFFER = 2048;

    /** Where line {@code line} starts in the buffer whose line ends are fact {@code end}: where the last one ended. */
    private int start(int line, int end) {
        return facts[line * STRIDE + end + START_OF_END];
    }

    private void refuseIfSelection() {
        if (page != null) {
            throw new UnsupportedOperationException("a selection of lines is read-only");
        }
    }

    /** Records where a line just written starts and ends and returns the index of its facts. */
    private int newLine(int foldedStart, int termsStart) {
        if ((size + 1) * STRIDE > facts.length) {
            facts = Arrays.copyOf(facts, facts.length * 2);
        }
        int f = size * STRIDE;
        facts[f + FOLDED_END] = foldedLength;
        facts[f + TERMS_END] = termCount;
        facts[f + FOLDED_START] = foldedStart;
        facts[f + TERMS_START] = termsStart;
        size++;
        return f;
    }

    /** Doubles the term buffer, for a page with more terms than it was sized for. */
    private long[] growTerms() {
        terms = Arrays.copyOf(terms, terms.length * 2 + 1);
        return terms;
    }

    private void ensureTerms(int capacity) {
        if (capacity > terms.length) {
            terms = Arrays.copyOf(terms, Math.max(capacity, terms.length * 2));
        }
    }

    private void ensureFolded(int capacity) {
        if (capacity > folded.length) {
            folded = Arrays.copyOf(folded, Math.max(capacity, folded.length * 2));
        }
    }
}
