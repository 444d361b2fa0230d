package org.articlepipeline.normalize;

/** Two paragraphs of article prose, written for the HTML tests of this package, to wrap in whatever page they test. */
final class BridgeStory {

    static final String PROSE = "<p>The council voted on Tuesday to reopen the old river bridge to cyclists,"
            + " after two years of repairs that cost more than the town had planned.</p>"
            + "<p>Engineers said the steel frame had rusted faster than expected, and that the new deck would carry"
            + " bicycles and people on foot, but not cars.</p>";

    private BridgeStory() {
    }
}
