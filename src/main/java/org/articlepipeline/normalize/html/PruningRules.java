package org.articlepipeline.normalize.html;

import org.articlepipeline.normalize.structure.ChromeReason;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The extractor's rules as named lists, each handed to the one {@link Pruner}: what never holds content,
 * what captions a picture, what frames the article (navigation, page header and footer, asides) and which
 * named blocks are boilerplate. Every rule reads structure or names that hold on any site (elements, ARIA
 * roles, words authors name blocks with), never a particular site's markup.
 */
final class PruningRules {

    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "video",
            "audio", "map", "math", "head", "link", "meta", "dialog");
    private static final Set<String> FORM_CONTROLS = Set.of(
            "input", "button", "select", "option", "optgroup", "textarea", "label", "datalist", "output");
    private static final Set<String> NAVIGATION_ROLES = Set.of("navigation", "menu", "menubar", "search", "tablist");
    private static final Set<String> FRAME_ROLES = Set.of("banner", "contentinfo", "complementary", "dialog", "alert");

    static final ClassTokens COMMENT_NAMES = new ClassTokens(
            Set.of("comment", "comments", "commenting", "commentlist", "disqus", "respond", "replies"),
            Set.of("user comments", "reader comments"));
    static final ClassTokens NAVIGATION_NAMES = new ClassTokens(
            Set.of("breadcrumb", "breadcrumbs", "crumbs", "navbar", "menu", "pagination", "pager", "skiplink"),
            Set.of("skip link", "site nav", "main nav"));
    static final ClassTokens OTHER_STORIES_NAMES = new ClassTokens(
            Set.of("related", "popular", "trending", "mostread", "recirc", "recirculation", "outbrain", "taboola"),
            Set.of("most read", "most popular", "most viewed", "most shared", "read more", "more stories",
                    "more news", "more articles", "more from", "more on", "more like", "see more", "read next",
                    "up next", "you may", "also like", "top stories", "latest news"));
    static final ClassTokens SUBSCRIPTION_NAMES = new ClassTokens(
            Set.of("newsletter", "newsletters", "signup", "subscribe", "subscription", "paywall", "regwall"),
            Set.of("sign up"), "newsletter", "subscri");
    static final ClassTokens COOKIE_NAMES = new ClassTokens(Set.of("cookie", "cookies", "consent", "gdpr"), Set.of());
    static final ClassTokens TAG_NAMES = new ClassTokens(Set.of("tags", "tag", "taglist", "keywords"), Set.of("tag list"));
    static final ClassTokens BOILERPLATE_NAMES = new ClassTokens(
            Set.of("share", "shares", "sharing", "sharebar", "sharethis", "addthis", "social", "promo", "promos", "ad",
                    "ads", "adv", "advert", "adverts", "advertisement", "adslot", "adunit", "dfp", "sponsor",
                    "sponsored", "modal", "popup", "sidebar", "widget", "widgets", "toolbar", "print", "banner"),
            Set.of("author bio", "author box", "about author", "author info", "follow us"),
            "advert", "sponsor", "promo", "social", "sharebar");
    static final ClassTokens FOOTER_NAMES = new ClassTokens(
            Set.of("footer", "masthead", "copyright", "colophon", "imprint"), Set.of("site info", "site footer"));
    static final ClassTokens CAPTION_NAMES = new ClassTokens(
            Set.of("caption", "figcaption", "credit", "credits", "copyright"),
            Set.of("photo credit", "image credit", "wp caption"));

    /** Elements that hold no visible prose: code, styles, media, forms and what the page itself hides. */
    static final List<NodeRule> NEVER_CONTENT = List.of(
            NodeRule.silent("code, styles and embedded media", e -> NEVER_TEXT.contains(e.normalName())),
            NodeRule.listed("hidden elements", ChromeReason.BOILERPLATE_BLOCK, PruningRules::isHidden),
            NodeRule.listed("form controls", ChromeReason.BOILERPLATE_BLOCK, e -> FORM_CONTROLS.contains(e.normalName())),
            NodeRule.guarded("forms", ChromeReason.BOILERPLATE_BLOCK, e -> e.nameIs("form")));

    /** Captions and photo credits: about a picture, not part of the article's prose. */
    static final List<NodeRule> CAPTIONS = List.of(
            NodeRule.listed("figure captions", ChromeReason.CAPTION, e -> e.nameIs("figcaption")),
            NodeRule.guarded("named captions and credits", ChromeReason.CAPTION,
                    e -> !isLayout(e) && CAPTION_NAMES.matches(e)));

    /** What frames the article: navigation, the page's header and footer, asides, named boilerplate. */
    static final List<NodeRule> FRAME = List.of(
            NodeRule.listed("nav elements", ChromeReason.NAVIGATION, e -> e.nameIs("nav")),
            NodeRule.guarded("navigation roles", ChromeReason.NAVIGATION, e -> NAVIGATION_ROLES.contains(role(e))),
            NodeRule.guarded("page frame roles", ChromeReason.OUTSIDE_ARTICLE, e -> FRAME_ROLES.contains(role(e))),
            NodeRule.guarded("header, footer and aside outside the article", ChromeReason.OUTSIDE_ARTICLE,
                    e -> (e.nameIs("header") || e.nameIs("footer") || e.nameIs("aside")) && !insideArticle(e)),
            NodeRule.guarded("named page footers and mastheads", ChromeReason.FOOTER,
                    e -> !isLayout(e) && !insideArticle(e) && FOOTER_NAMES.matches(e)),
            NodeRule.guarded("named comment sections", ChromeReason.COMMENTS,
                    e -> !isLayout(e) && COMMENT_NAMES.matches(e)),
            NodeRule.guarded("named navigation", ChromeReason.NAVIGATION,
                    e -> !isLayout(e) && NAVIGATION_NAMES.matches(e)),
            NodeRule.guarded("named lists of other stories", ChromeReason.OTHER_STORIES,
                    e -> !isLayout(e) && !isInline(e) && OTHER_STORIES_NAMES.matches(e)),
            NodeRule.guarded("named newsletter, subscription and paywall prompts", ChromeReason.SUBSCRIPTION,
                    e -> !isLayout(e) && !isInline(e) && SUBSCRIPTION_NAMES.matches(e)),
            NodeRule.guarded("named cookie notices", ChromeReason.COOKIE_NOTICE,
                    e -> !isLayout(e) && !isInline(e) && COOKIE_NAMES.matches(e)),
            NodeRule.guarded("named tag lists", ChromeReason.TAGS,
                    e -> !isLayout(e) && !isInline(e) && TAG_NAMES.matches(e)),
            NodeRule.guarded("named boilerplate blocks", ChromeReason.BOILERPLATE_BLOCK,
                    e -> !isLayout(e) && !isInline(e) && BOILERPLATE_NAMES.matches(e)));

    private static final Set<String> LISTS = Set.of("ul", "ol", "dl", "menu", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> LINKABLE_BLOCKS = Set.of(
            "div", "section", "p", "table", "aside", "header", "footer", "li", "tr", "dd", "span", "address");
    /** A list or heading mostly made of links is a list of other pages. */
    static final double LIST_LINK_DENSITY = 0.5;
    /** Another block must be even more of links, and without a paragraph of its own text. */
    static final double BLOCK_LINK_DENSITY = 0.65;
    static final int OWN_PROSE = 200;

    /** Inside the chosen body: blocks made of links (lists of other stories, tag clouds, "read also"). */
    static List<NodeRule> linkDense(TextStats stats) {
        return List.of(NodeRule.listed("link lists, linked headings and link blocks", ChromeReason.LINK_DENSE,
                e -> isLinkDense(e, stats)));
    }

    private static boolean isLinkDense(Element e, TextStats stats) {
        String name = e.normalName();
        if (stats.text(e) == 0) {
            return false;
        }
        if (LISTS.contains(name)) {
            return stats.linkDensity(e) >= LIST_LINK_DENSITY;
        }
        return LINKABLE_BLOCKS.contains(name) && stats.linkDensity(e) >= BLOCK_LINK_DENSITY
                && stats.plainText(e) < OWN_PROSE;
    }

    private PruningRules() {
    }

    static String role(Element e) {
        return e.attributesSize() == 0 ? "" : e.attr("role").strip().toLowerCase(Locale.ROOT);
    }

    /** The page's own outer elements are never dropped by their names, which often describe the whole site. */
    private static boolean isLayout(Element e) {
        return e.nameIs("body") || e.nameIs("html") || e.nameIs("main") || e.nameIs("article")
                || hasItemprop(e, "articleBody");
    }

    /** An inline element inside prose ({@code <a class="tag">}) is dropped by its block, not by itself. */
    private static boolean isInline(Element e) {
        return e.nameIs("a") || e.nameIs("span") || e.nameIs("em") || e.nameIs("strong") || e.nameIs("b")
                || e.nameIs("i") || e.nameIs("time");
    }

    static boolean hasItemprop(Element e, String value) {
        if (e.attributesSize() == 0) {
            return false;
        }
        String itemprop = e.attr("itemprop");
        return !itemprop.isEmpty() && (" " + itemprop + " ").contains(" " + value + " ");
    }

    private static boolean isHidden(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden").strip())) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String compact = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return compact.contains("display:none") || compact.contains("visibility:hidden");
    }

    /** Whether an ancestor of {@code e} is the article: {@code <article>}, {@code <main>} or its body. */
    static boolean insideArticle(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.nameIs("article") || p.nameIs("main") || "main".equals(role(p)) || hasItemprop(p, "articleBody")) {
                return true;
            }
        }
        return false;
    }
}
