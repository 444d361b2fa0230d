package org.articlepipeline.normalize.html;

import org.articlepipeline.normalize.structure.ChromeReason;

import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * One rule of a {@link PruningRules} list: which elements it drops and the reason it gives.
 *
 * @param name    what the rule drops, for tests and diagnostics
 * @param reason  the reason listed with the dropped text; null for elements that never hold visible text
 *                (scripts, styles), which are dropped without being listed
 * @param guarded whether the rule spares an element holding most of the page's prose: naming rules guess
 *                from class names, and a page may well put its whole article in a box named for its sidebar
 * @param matches the elements the rule drops
 */
record NodeRule(String name, ChromeReason reason, boolean guarded, Predicate<Element> matches) {

    /** A rule that drops matching elements without listing them. */
    static NodeRule silent(String name, Predicate<Element> matches) {
        return new NodeRule(name, null, false, matches);
    }

    /** A rule that drops matching elements and lists their text with {@code reason}. */
    static NodeRule listed(String name, ChromeReason reason, Predicate<Element> matches) {
        return new NodeRule(name, reason, false, matches);
    }

    /** As {@link #listed}, sparing an element that holds most of the page's prose. */
    static NodeRule guarded(String name, ChromeReason reason, Predicate<Element> matches) {
        return new NodeRule(name, reason, true, matches);
    }
}
