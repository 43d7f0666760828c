package hk.smartid.chatbot.language;

import hk.smartid.chatbot.TestCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector(TestCatalogue.catalogue());

    @Test
    void englishTraditionalSimplifiedAndWrittenCantonese() {
        assertThat(detector.detect("how do i renew my driving licence")).isEqualTo(Language.EN);
        assertThat(detector.detect("續領駕駛執照需要甚麼文件？")).isEqualTo(Language.ZH_HK);
        assertThat(detector.detect("续领驾驶执照需要什么文件？")).isEqualTo(Language.ZH_CN);
        assertThat(detector.detect("生果金幾錢？")).isEqualTo(Language.ZH_HK);
        assertThat(detector.detect("公屋喺邊度申請")).isEqualTo(Language.ZH_HK);
        assertThat(detector.detect("咩係居屋")).isEqualTo(Language.ZH_HK);
    }

    @Test
    void hongKongCodeSwitching() {
        assertThat(detector.detect("點樣renew車牌")).isEqualTo(Language.ZH_HK);
        assertThat(detector.detect("我想book個badminton場")).isEqualTo(Language.ZH_HK);
        assertThat(detector.detect("how do I apply for 生果金 for my mum")).isEqualTo(Language.EN);
    }
}
