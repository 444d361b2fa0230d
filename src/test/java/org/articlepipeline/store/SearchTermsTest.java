package org.articlepipeline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void alefFormsAlefMaqsuraAndTaMarbutaMeetTheirPlainSpellings() {
        assertThat(SearchTerms.words("أولوند إيران آمال ٱلله")).containsExactly("اولوند", "ايران", "امال", "الله");
        assertThat(SearchTerms.words("مستشفى مدرسة")).containsExactly("مستشفي", "مدرسه");
    }

    @Test
    void diacriticsAndTatweelDisappear() {
        assertThat(SearchTerms.words("مُحَمَّدٌ مـــحـــمـد")).containsExactly("محمد", "محمد");
        assertThat(SearchTerms.words("هٰذا")).isEmpty(); // هذا, a stop word once the dagger alef is gone
    }

    @Test
    void arabicIndicAndPersianDigitsBecomeAsciiAndLatinIsLowerCased() {
        assertThat(SearchTerms.words("عام ٢٠١٥ و۱۳۹۴ Hollande PARIS")).containsExactly("عام", "2015", "و1394", "hollande", "paris");
    }

    @Test
    void anythingButLettersAndDigitsSeparatesWordsAndStopWordsAndSingleLettersDrop() {
        assertThat(SearchTerms.words("' OR 1=1 -- #pk = :v")).containsExactly("or", "pk");
        assertThat(SearchTerms.words("في من the a x")).isEmpty();
    }

    @Test
    void sourceKeysAreUrlSafeMatchingFormsJoinedByHyphens() {
        assertThat(SearchTerms.sourceKey("Al Jazeera")).isEqualTo("al-jazeera");
        assertThat(SearchTerms.sourceKey("al-jazeera")).isEqualTo("al-jazeera");
        assertThat(SearchTerms.sourceKey("  الجزيرة   نت ")).isEqualTo("الجزيره-نت");
        assertThat(SearchTerms.sourceKey("--- ")).isEmpty();
    }

    @Test
    void anArticleIsIndexedUnderAtMostSixtyFourTermsWithTitleWordsFirst() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("word").append(i).append(' ');
        }
        List<SearchIndex.Posting> postings = SearchIndex.postingsOf("عنوان المقال", body.toString() + "word5 word5");
        assertThat(postings).hasSize(SearchIndex.MAX_TERMS);
        assertThat(postings.get(0).term()).isEqualTo("عنوان");
        assertThat(postings.get(0).score()).isEqualTo(SearchIndex.TITLE_WEIGHT);
        assertThat(postings.get(2).term()).isEqualTo("word5");
        assertThat(postings.get(2).score()).isEqualTo(3);
    }
}
