package org.articlepipeline.normalize.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.articlepipeline.normalize.RemovedLine;
import org.articlepipeline.normalize.clean.TextCleaner;
import org.articlepipeline.normalize.describe.Agencies;
import org.articlepipeline.normalize.describe.DateFinder;
import org.articlepipeline.normalize.text.MatchingForm;
import org.articlepipeline.normalize.text.Stopwords;
import org.junit.jupiter.api.Test;

class StructureFinderTest {

    private static final String P1 = "قال وزير الخارجية الفرنسي اليوم الجمعة إن الرئيس الروسي طلب من فرنسا وضع خريطة لأماكن تواجد الجماعات التي تحارب التنظيم في سوريا.";
    private static final String P2 = "واتفق الرئيسان خلال محادثات في موسكو أمس الخميس على تبادل المعلومات عن التنظيم وجماعات المعارضة المسلحة الأخرى لتحسين فعالية الحملات.";
    private static final String P3 = "وكان مسؤولون فرنسيون قد صرحوا بأنهم يدرسون إرسال قوات خاصة لمساعدتها وهي خطوة نوقشت مع الرئيس الأمريكي في واشنطن يوم الثلاثاء.";
    private static final String EN1 = "The minister said on Friday that the talks with the rebels would resume next week in Geneva, after a pause of almost two months.";
    private static final String EN2 = "Officials from both sides have met twice this year, but no agreement has been reached on the terms of a ceasefire in the region.";

    private final StructureFinder finder = new StructureFinder(new MatchingForm(), Stopwords.defaults(),
            ChromeLexicon.defaults(), new DateFinder(), new Agencies());

    private PageStructure find(String... lines) {
        return finder.find(new TextCleaner().clean(String.join("\n\n", lines)));
    }

    private static String reasonOf(PageStructure p, String line) {
        return p.removed().stream().filter(r -> r.text().equals(line)).map(r -> r.reason().code()).findFirst().orElse(null);
    }

    @Test
    void takesTheFirstLineAsTheHeadline() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P1, P2);
        assertEquals("عنوان الخبر الرئيسي اليوم", p.title());
        assertEquals(List.of(P1, P2), p.paragraphs());
    }

    @Test
    void removesCopyOfTitleGluedToItself() {
        String t = "فرنسا: بوتين طلب خريطة لمواقع الجماعات";
        PageStructure p = find(t, t + t, t, P1, P2);
        assertEquals(t, p.title());
        assertEquals("repeated-title", reasonOf(p, t + t));
        assertEquals(List.of(P1, P2), p.paragraphs());
    }

    @Test
    void removesRepeatedTitleWrittenWithOtherSpacingAndPunctuation() {
        PageStructure p = find("Talks to resume in Geneva next week", "Talks to resume in Geneva, next week.", EN1, EN2);
        assertEquals(List.of(EN1, EN2), p.paragraphs());
        assertEquals(2, p.removed().size() + 1);
    }

    @Test
    void splitsASiteSuffixWhenTheHeadlineAppearsWithoutIt() {
        PageStructure p = find("أولوند يقصد روسيا أملا في تحقيق تقدم – مصدر24", "أولوند يقصد روسيا أملا في تحقيق تقدم", P1, P2);
        assertEquals("أولوند يقصد روسيا أملا في تحقيق تقدم", p.title());
        assertEquals("مصدر24", p.titleSuffix());
    }

    @Test
    void splitsAPipeSuffix() {
        PageStructure p = find("Talks to resume in Geneva next week | The Daily Courier", EN1, EN2);
        assertEquals("Talks to resume in Geneva next week", p.title());
        assertEquals("The Daily Courier", p.titleSuffix());
    }

    @Test
    void doesNotSplitAHeadlineThatMerelyContainsADash() {
        PageStructure p = find("Macron - the man who wanted to talk to everyone", EN1, EN2);
        assertEquals("Macron - the man who wanted to talk to everyone", p.title());
        assertNull(p.titleSuffix());
        PageStructure q = find("مقتل خمسة مدنيين في غارة على ريف إدلب - سوريا", P1, P2);
        assertNull(q.titleSuffix());
    }

    @Test
    void takesAShortUnpunctuatedLineAfterTheHeadlineAsSubtitle() {
        PageStructure p = find("فرنسا تريد إنهاء التنسيق مع روسيا", "لا ترجمة فعلية للتعاون المشترك", P1, P2);
        assertEquals("لا ترجمة فعلية للتعاون المشترك", p.subtitle());
        assertEquals(List.of(P1, P2), p.paragraphs());
    }

    @Test
    void readsTheDatelineOfTheLinesAroundAStandfirstAsOnAnyFirstParagraph() {
        String standfirst = "لا ترجمة فعلية للتعاون المشترك";
        // A standfirst, then a first paragraph opening with a dateline: both are taken.
        PageStructure p = find("فرنسا تريد إنهاء التنسيق مع روسيا", standfirst, "باريس- " + P1, P2);
        assertEquals(standfirst, p.subtitle());
        assertEquals("باريس", p.dateline().place());
        assertEquals(List.of(P1, P2), p.paragraphs());
        // A short line with a dateline is no standfirst: it is the first paragraph, and loses its dateline.
        PageStructure q = find("فرنسا تريد إنهاء التنسيق مع روسيا", "باريس- " + standfirst, P1, P2);
        assertNull(q.subtitle());
        assertEquals("باريس", q.dateline().place());
        assertEquals(List.of(standfirst, P1, P2), q.paragraphs());
        // After a dateline, the next line reads as a standfirst: neither is one, and the first keeps its place.
        PageStructure r = find("فرنسا تريد إنهاء التنسيق مع روسيا", standfirst, "باريس- " + "سطر قصير آخر بلا نقطة", P1);
        assertNull(r.subtitle());
        assertNull(r.dateline());
        assertEquals(List.of(standfirst, "باريس- سطر قصير آخر بلا نقطة", P1), r.paragraphs());
    }

    @Test
    void doesNotTakeALongLeadParagraphAsSubtitle() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P2, P1);
        assertNull(p.subtitle());
        assertEquals(List.of(P2, P1), p.paragraphs());
    }

    @Test
    void removesTheDatelineFromTheFirstParagraphAndKeepsTheRest() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", "باريس- " + P1, P2);
        assertEquals("باريس", p.dateline().place());
        assertEquals(P1, p.paragraphs().get(0));
        PageStructure q = find("عنوان الخبر الرئيسي اليوم", "واشنطن (أ ف ب) - " + P1, P2);
        assertEquals("واشنطن", q.dateline().place());
        assertEquals("أ ف ب", q.dateline().parenthesis());
    }

    @Test
    void takesNoDatelineWhosePlaceHoldsAFunctionWord() {
        String opening = "في باريس - " + P1;
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", opening, P2);
        assertNull(p.dateline());
        assertEquals(List.of(opening, P2), p.paragraphs());
        assertEquals("باريس", find("عنوان الخبر الرئيسي اليوم", "باريس - " + P1, P2).dateline().place());
    }

    @Test
    void readsEnglishAndFrenchWireDatelines() {
        Dateline d = Dateline.find("LONDON (Reuters) - " + EN1);
        assertEquals("LONDON", d.place());
        assertEquals("Reuters", d.parenthesis());
        assertEquals(EN1, d.rest());
        assertEquals("PARIS", Dateline.find("PARIS (AFP) - Le gouvernement a annoncé lundi une réforme.").place());
        assertEquals("Paris", Dateline.find("Paris (AFP) - Le gouvernement a annoncé lundi une réforme.").place());
        assertEquals("LONDON", Dateline.find("LONDON — " + EN1).place());
        assertEquals("March 3", Dateline.find("WASHINGTON, March 3 (Reuters) - " + EN1).date());
    }

    @Test
    void doesNotReadAHyphenatedWordAsADateline() {
        assertNull(Dateline.find("اتفاق روسي-فرنسي على تشكيل تحالف واسع ضد الإرهاب في سوريا"));
        assertNull(Dateline.find("The well-known minister said nothing about the talks."));
    }

    @Test
    void keepsASectionHeadingBetweenProseParagraphs() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P1, "مصير الأسد", P2, P3);
        assertTrue(p.paragraphs().contains("مصير الأسد"));
    }

    @Test
    void removesWidgetsAndSiteNameAfterTheLastParagraph() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P1, P2, "الأكثر قراءة", "No stories found.", "logo", "اسم الموقع", "www.example.com");
        assertEquals(List.of(P1, P2), p.paragraphs());
        assertEquals("widget", reasonOf(p, "الأكثر قراءة"));
        assertEquals("widget", reasonOf(p, "No stories found."));
        assertEquals("site-name", reasonOf(p, "اسم الموقع"));
        assertEquals("url", reasonOf(p, "www.example.com"));
    }

    @Test
    void removesFormMessagesAndTheWholeAppealBlockInTheFooter() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P1, P2, "نجاح", "شكرًا لك! تم إرسال رسالتك بنجاح.", "×",
                "الصحافة الحرة تحتاج إلى قرائها في هذه الأيام الصعبة..", "ادعم الموقع المستقل", "اضغط هنا للتبرع");
        assertEquals(List.of(P1, P2), p.paragraphs());
        assertEquals("form-message", reasonOf(p, "شكرًا لك! تم إرسال رسالتك بنجاح."));
        assertEquals("appeal", reasonOf(p, "الصحافة الحرة تحتاج إلى قرائها في هذه الأيام الصعبة.."));
    }

    @Test
    void keepsAShortClosingSentenceAfterProse() {
        PageStructure p = find("Talks to resume in Geneva next week", EN1, EN2, "He declined to comment.", "Share", "Print");
        assertEquals(List.of(EN1, EN2, "He declined to comment."), p.paragraphs());
    }

    @Test
    void removesCreditTimestampAndStrayPunctuation() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", P1, P2, "\u00A0", "26.11.2015 20:55", "المصدر:رويترز", "'");
        assertEquals(List.of(P1, P2), p.paragraphs());
        assertEquals("timestamp", reasonOf(p, "26.11.2015 20:55"));
        assertEquals("credit", reasonOf(p, "المصدر:رويترز"));
        assertEquals("punctuation", reasonOf(p, "'"));
        assertTrue(p.removed().contains(new RemovedLine("", ChromeReason.BLANK)));
    }

    @Test
    void removesIconLabelsAndFontSizeButtons() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", "camera iconالرئيسان خلال المؤتمر (AFP)", "tag icon ع ع ع", "A A A", P1, P2);
        assertEquals(List.of(P1, P2), p.paragraphs());
        assertEquals("caption-icon", reasonOf(p, "camera iconالرئيسان خلال المؤتمر (AFP)"));
        assertEquals("ui-label", reasonOf(p, "tag icon ع ع ع"));
        assertEquals("ui-label", reasonOf(p, "A A A"));
    }

    @Test
    void removesShareReadMoreBreadcrumbsAndCopyright() {
        PageStructure p = find("Talks to resume in Geneva next week", "Home › World › Middle East", EN1,
                "Read more: Geneva talks stall again", EN2, "© 2024 The Daily Courier. All rights reserved.");
        assertEquals(List.of(EN1, EN2), p.paragraphs());
        assertEquals("navigation", reasonOf(p, "Home › World › Middle East"));
        assertEquals("related", reasonOf(p, "Read more: Geneva talks stall again"));
        assertEquals("copyright", reasonOf(p, "© 2024 The Daily Courier. All rights reserved."));
    }

    @Test
    void keepsProseThatMentionsUiWordsInTheMiddleOfTheArticle() {
        String prose = "The company said it would share more details on Friday, after the error was found in its systems.";
        PageStructure p = find("Talks to resume in Geneva next week", EN1, prose, EN2);
        assertTrue(p.paragraphs().contains(prose));
    }

    @Test
    void endsSentenceSeesThroughClosingQuotes() {
        assertTrue(StructureFinder.endsSentence("قال: «نعم.»"));
        assertTrue(StructureFinder.endsSentence("He said \"yes.\""));
        assertFalse(StructureFinder.endsSentence("مصير الأسد"));
    }

    @Test
    void removesATrailingRunOfShortUnpunctuatedLines() {
        PageStructure p = find("Talks to resume in Geneva next week", EN1, EN2, "Geneva talks", "Middle East");
        assertEquals(List.of(EN1, EN2), p.paragraphs());
        assertFalse(p.paragraphs().contains("Middle East"));
    }

    @Test
    void keepsEveryLineOfAPageWithoutLongProse() {
        PageStructure p = find("Notes from the meeting", "Budget approved", "New members welcomed", "Next meeting in May");
        assertEquals(List.of("Budget approved", "New members welcomed", "Next meeting in May"), p.paragraphs());
    }

    @Test
    void staysFastOnAPathologicalLongLine() {
        String line = "a-".repeat(50_000);
        PageStructure p = find("x " + line, line + " | " + line);
        assertTrue(p.paragraphs().size() + p.removed().size() >= 1);
    }

    @Test
    void removesRelativeTimesCountersAndReadingTimes() {
        PageStructure p = find("Talks to resume in Geneva next week", "5 hours ago", "منذ 3 ساعات", "12 comments",
                "3 min read", EN1, EN2, "1520 مشاهدة");
        assertEquals(List.of(EN1, EN2), p.paragraphs());
        assertEquals("timestamp", reasonOf(p, "5 hours ago"));
        assertEquals("timestamp", reasonOf(p, "منذ 3 ساعات"));
        assertEquals("ui-label", reasonOf(p, "12 comments"));
        assertEquals("ui-label", reasonOf(p, "3 min read"));
    }

    @Test
    void removesPhotoCreditsWrittenWithACommaOrColon() {
        PageStructure p = find("Talks to resume in Geneva next week", "Image source, Getty Images", EN1, "Photo: Jane Doe/AFP", EN2);
        assertEquals(List.of(EN1, EN2), p.paragraphs());
        assertEquals("credit", reasonOf(p, "Image source, Getty Images"));
    }

    @Test
    void takesNoSubtitleWhenTheLineAfterItLooksLikeOneTooSoTheOutputNormalizesTheSame() {
        PageStructure p = find("عنوان الخبر الرئيسي اليوم", "سطر قصير بلا نقطة", "سطر قصير آخر بلا نقطة", P1, P2);
        assertNull(p.subtitle());
        assertEquals(List.of("سطر قصير بلا نقطة", "سطر قصير آخر بلا نقطة", P1, P2), p.paragraphs());
    }

    @Test
    void keepsShortParagraphsBetweenAdsInsideTheArticle() {
        String s1 = "The vote was delayed until Monday, officials said.";
        String s2 = "Opposition leaders called the delay a stalling tactic.";
        PageStructure p = find("Talks to resume in Geneva next week", EN1, "Advertisement", s1, "Advertisement", s2, EN2);
        assertEquals(List.of(EN1, s1, s2, EN2), p.paragraphs());
    }

    @Test
    void keepsAPageMadeOnlyOfShortParagraphsDespiteAds() {
        String s1 = "The vote was delayed until Monday, officials said.";
        String s2 = "Opposition leaders called the delay a stalling tactic.";
        String s3 = "A new date has not been set by the committee yet.";
        PageStructure p = find("Vote delayed", "Share", s1, "Advertisement", s2, "Advertisement", s3, "Most read");
        assertEquals(List.of(s1, s2, s3), p.paragraphs());
    }

    @Test
    void takesAShortSiteNameAboveTheHeadlineAsSiteName() {
        PageStructure p = find("الجزيرة نت", "البرلمان العراقي يصوت على الموازنة بعد أشهر من الخلاف", "بغداد- " + P1, P2);
        assertEquals("البرلمان العراقي يصوت على الموازنة بعد أشهر من الخلاف", p.title());
        assertEquals("site-name", reasonOf(p, "الجزيرة نت"));
        assertEquals("بغداد", p.dateline().place());
    }

    @Test
    void keepsASentenceAfterAnInlineReadMoreLinkAtTheEnd() {
        String last = "Economists expect at least one more rise in July.";
        PageStructure p = find("Talks to resume in Geneva next week", EN1, EN2, "Read more: Inflation explained", last, "Share", "Newsletter");
        assertEquals(List.of(EN1, EN2, last), p.paragraphs());
    }

    @Test
    void removesTheCaptionAfterAnImageCaptionLabel() {
        PageStructure p = find("Talks to resume in Geneva next week", "Image caption,", "The minister arrives in Geneva on Friday", EN1, EN2);
        assertNull(p.subtitle());
        assertEquals("caption", reasonOf(p, "The minister arrives in Geneva on Friday"));
        assertEquals(List.of(EN1, EN2), p.paragraphs());
    }

    @Test
    void keepsAStandfirstThatMentionsDonationsAndAClosingSentenceWithSuccess() {
        String closing = "The evacuation was completed successfully on Sunday.";
        PageStructure p = find("Charity raises record sum for flood victims", "Thousands donate as appeal passes its target",
                EN1, EN2, closing, "Support us", "Donate now");
        assertEquals("Thousands donate as appeal passes its target", p.subtitle());
        assertEquals(List.of(EN1, EN2, closing), p.paragraphs());
    }

    @Test
    void removesBylinesBeforeTheHeadline() {
        PageStructure p = find("كتب: محمد أحمد", "وزير الصحة: لا زيادة في أسعار الأدوية", P1, P2);
        assertEquals("وزير الصحة: لا زيادة في أسعار الأدوية", p.title());
        assertEquals("byline", reasonOf(p, "كتب: محمد أحمد"));
        PageStructure q = find("Talks to resume in Geneva next week", "By Jane Doe and John Roe", EN1, EN2);
        assertEquals("byline", reasonOf(q, "By Jane Doe and John Roe"));
    }
}
