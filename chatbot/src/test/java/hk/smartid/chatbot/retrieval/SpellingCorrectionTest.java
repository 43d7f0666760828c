package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.TestCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** English typos corrected to the catalogue's words before retrieval; real words and short words left alone. */
class SpellingCorrectionTest {

    private final LexicalIndex index = new LexicalIndex(TestCatalogue.catalogue());

    @Test
    void aLongWordOneEditFromACatalogueWordIsCorrected() {
        assertThat(index.spellCorrected("hurt my back at work, can i get compansation?"))
                .isEqualTo("hurt my back at work, can i get compensation?");
        assertThat(index.spellCorrected("am i registerd to vote")).isEqualTo("am i registered to vote");
    }

    @Test
    void wordsTheCatalogueUsesInAnotherFormAndShortWordsAreKept() {
        assertThat(index.spellCorrected("swimming classes for my kids")).isEqualTo("swimming classes for my kids");
        assertThat(index.spellCorrected("renewing my licences")).isEqualTo("renewing my licences");
        assertThat(index.spellCorrected("點樣renew車牌")).isEqualTo("點樣renew車牌");
    }
}
