package org.articlepipeline.normalize.structure;

import java.util.HashMap;
import java.util.Map;

/**
 * Why a line was taken out of an article as page chrome. Each constant's {@link #code() code} is what the
 * JSON {@code removed[].reason} field says: a public contract, so codes are only ever added, never renamed.
 * The Javadoc of each constant says what it means to a user reading {@code removed}.
 */
public enum ChromeReason {

    /** Another copy of the headline (the page's h1 and its share title), also glued to itself. */
    REPEATED_TITLE("repeated-title"),
    /** A box of other content: most read, latest news, "No stories found.". */
    WIDGET("widget"),
    /** A button or control's wording: share, print, close ×, logo, icon names, font size, "12 comments". */
    UI_LABEL("ui-label"),
    /** A pointer to another article: "Read more", "اقرأ أيضا", "Lire aussi". */
    RELATED("related"),
    /** Site navigation: breadcrumbs and menus of sections. */
    NAVIGATION("navigation"),
    /** A run of short items without sentences: a menu of sections or services, found by its shape. */
    MENU("menu"),
    /** A run of other stories' headlines: most read, related, latest, "more on this". */
    OTHER_STORIES("other-stories"),
    /** A list of the article's tags or keywords. */
    TAGS("tags"),
    /** A form's status message: success, error, thank you. */
    FORM_MESSAGE("form-message"),
    /** A donation or support appeal, with the short lines of its block. */
    APPEAL("appeal"),
    /** A newsletter or subscription prompt, a paywall or login notice. */
    SUBSCRIPTION("subscription"),
    /** A cookie or privacy consent notice. */
    COOKIE_NOTICE("cookie-notice"),
    /** The reader comments section, from its form or heading to the end of the thread. */
    COMMENTS("comments"),
    /** A copyright notice. */
    COPYRIGHT("copyright"),
    /** The page footer: contact, legal pages, app stores, social links, "all rights reserved". */
    FOOTER("footer"),
    /** The site's name standing alone (masthead or logo text). */
    SITE_NAME("site-name"),
    /** A web address on a line of its own. */
    URL("url"),
    /** An e-mail address or social-media handle. */
    CONTACT("contact"),
    /** A credit: source, photo or staff credit, or a line naming only wire services. */
    CREDIT("credit"),
    /** The author line: "By ...", "بقلم ...". */
    BYLINE("byline"),
    /** A date or time on a line of its own, also relative ("5 hours ago"). */
    TIMESTAMP("timestamp"),
    /** A photo caption behind a camera icon's label. */
    CAPTION_ICON("caption-icon"),
    /** A photo or video caption: the text after an "Image caption," or "Photo:" label line. */
    CAPTION("caption"),
    /** A line without letters or digits. */
    PUNCTUATION("punctuation"),
    /** A line holding only invisible characters (listed first, with empty text). */
    BLANK("blank"),
    /** A short line removed only because the lines around it are chrome. */
    BOILERPLATE("boilerplate"),
    /** An HTML block whose class or id names boilerplate (ads, share bars, sidebars). */
    BOILERPLATE_BLOCK("boilerplate-block"),
    /** An HTML block that is mostly link text. */
    LINK_DENSE("link-dense"),
    /** HTML outside the element that holds the article. */
    OUTSIDE_ARTICLE("outside-article");

    private static final Map<String, ChromeReason> BY_CODE = new HashMap<>();

    static {
        for (ChromeReason r : values()) {
            BY_CODE.put(r.code, r);
        }
    }

    private final String code;

    ChromeReason(String code) {
        this.code = code;
    }

    /** The reason as the JSON output writes it, e.g. {@code repeated-title}. */
    public String code() {
        return code;
    }

    /** The reason whose {@link #code()} is {@code code}; an unknown code is a programming error. */
    public static ChromeReason ofCode(String code) {
        ChromeReason r = BY_CODE.get(code);
        if (r == null) {
            throw new IllegalArgumentException("unknown chrome reason code: " + code);
        }
        return r;
    }

    @Override
    public String toString() {
        return code;
    }
}
