package org.articlepipeline.normalize.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.articlepipeline.json.JsonCodec;
import org.articlepipeline.json.JsonValue;

/**
 * The schema.org objects of a page's JSON-LD blocks ({@code <script type="application/ld+json">}), with arrays
 * and {@code @graph} lists opened and {@code @id} references resolvable. A block that does not parse even
 * leniently (comments, trailing commas, raw line breaks are accepted) is skipped, never fatal: pages often
 * carry broken JSON-LD.
 */
final class JsonLd {

    /** Article types, the most specific first: the first present describes the article. */
    private static final List<String> ARTICLE_TYPES = List.of(
            "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "article", "blogposting", "liveblogposting", "socialmediaposting", "report");
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "collectionpage");
    /** Nesting followed into objects: deep enough for mainEntity in a WebPage in a @graph, bounded for hostile input. */
    private static final int MAX_DEPTH = 6;

    private final List<JsonValue> nodes = new ArrayList<>();
    private final Map<String, JsonValue> byId = new HashMap<>();

    private JsonLd() {
    }

    /** The JSON-LD objects of a page's blocks (the scripts' text), in document order. */
    static JsonLd of(List<String> blocks, JsonCodec json) {
        JsonLd ld = new JsonLd();
        for (String block : blocks) {
            JsonValue root = parse(block, json);
            if (root != null) {
                ld.collect(root, 0);
            }
        }
        return ld;
    }

    private static JsonValue parse(String data, JsonCodec json) {
        String text = data.strip();
        // CMSs wrap blocks in CDATA or HTML comment markers for old XHTML parsers.
        for (String wrapper : new String[] {"<![CDATA[", "]]>", "<!--", "-->", "//<![CDATA[", "//]]>"}) {
            text = text.replace(wrapper, "");
        }
        try {
            return json.parse(text.strip());
        } catch (java.io.IOException | RuntimeException broken) {
            return null;
        }
    }

    private void collect(JsonValue value, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value.isArray()) {
            for (JsonValue element : value) {
                collect(element, depth + 1);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        if (value.has("@type")) {
            nodes.add(value);
        }
        String id = value.path("@id").asText(null);
        if (id != null && !id.isEmpty() && value.fields().size() > 1) {
            byId.putIfAbsent(id, value);
        }
        collect(value.path("@graph"), depth + 1);
        collect(value.path("mainEntity"), depth + 1);
        collect(value.path("mainEntityOfPage"), depth + 1);
    }

    /** The object describing the article: the first of the most specific article type, else a web page; or null. */
    JsonValue article() {
        for (String type : ARTICLE_TYPES) {
            for (JsonValue node : nodes) {
                if (hasType(node, type::equals)) {
                    return node;
                }
            }
        }
        for (JsonValue node : nodes) {
            if (hasType(node, t -> t.endsWith("article") || PAGE_TYPES.contains(t))) {
                return node;
            }
        }
        return null;
    }

    /** The first object of a type (lower-cased), such as {@code organization} or {@code website}; or null. */
    JsonValue first(String type) {
        for (JsonValue node : nodes) {
            if (hasType(node, type::equals)) {
                return node;
            }
        }
        return null;
    }

    /** {@code value}, or the object its {@code @id} names when it is a bare reference. */
    JsonValue resolve(JsonValue value) {
        if (value.isObject() && value.fields().size() == 1 && value.has("@id")) {
            JsonValue target = byId.get(value.path("@id").asText(""));
            return target == null ? value : target;
        }
        return value;
    }

    private static boolean hasType(JsonValue node, java.util.function.Predicate<String> type) {
        JsonValue t = node.path("@type");
        if (t.isArray()) {
            for (JsonValue each : t) {
                if (each.isTextual() && type.test(bareType(each.asText()))) {
                    return true;
                }
            }
            return false;
        }
        return t.isTextual() && type.test(bareType(t.asText()));
    }

    /** {@code NewsArticle} of {@code https://schema.org/NewsArticle} or {@code schema:NewsArticle}, lower-cased. */
    private static String bareType(String type) {
        int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return type.substring(cut + 1).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a property that schema.org lets be a string, an object with a {@code name} (a Person, an
     * Organization, a Language), or a list of either: the names, comma-separated; null when there are none.
     */
    String names(JsonValue value) {
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        addNames(resolve(value), names, 0);
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private void addNames(JsonValue value, List<String> names, int depth) {
        if (depth > 2) {
            return;
        }
        if (value.isArray()) {
            for (JsonValue element : value) {
                addNames(resolve(element), names, depth + 1);
            }
        } else if (value.isTextual()) {
            add(value.asText(), names);
        } else if (value.isObject()) {
            add(value.path("name").isTextual() ? value.path("name").asText() : null, names);
        }
    }

    private static void add(String name, List<String> names) {
        if (name != null && !name.isBlank() && !names.contains(name.strip())) {
            names.add(name.strip());
        }
    }

    /** A property's text: a string, the first string of a list, or an object's {@code @id} / {@code url}; else null. */
    static String text(JsonValue value) {
        if (value.isArray()) {
            for (JsonValue element : value) {
                String t = text(element);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        if (value.isTextual()) {
            String t = value.asText().strip();
            return t.isEmpty() ? null : t;
        }
        if (value.isObject()) {
            String url = value.path("@id").isTextual() ? value.path("@id").asText() : value.path("url").asText(null);
            return url == null || url.isBlank() ? null : url.strip();
        }
        return null;
    }
}
