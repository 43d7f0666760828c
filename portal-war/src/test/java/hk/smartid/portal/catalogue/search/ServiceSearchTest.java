package hk.smartid.portal.catalogue.search;

import hk.smartid.portal.catalogue.ProjectCatalogue;
import hk.smartid.portal.catalogue.ServiceCatalogue;
import hk.smartid.portal.i18n.SupportedLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Search quality on the project's catalogue: the queries residents really type, in the three languages. */
class ServiceSearchTest {

    private static final ServiceSearch SEARCH = new ServiceSearch(ProjectCatalogue.parsed());

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
            "renew driving licence, driving-licence-renewal",
            "driving licence renewal, driving-licence-renewal",
            "drving licnse renewl, driving-licence-renewal",
            "pasport, passport-application",
            "public housing, public-rental-housing",
            "fruit money, old-age-living-allowance",
            "HOS, home-ownership-scheme",
            "CSSA, cssa-application",
            "library card, library-card",
            "生果金, old-age-living-allowance",
            "居屋, home-ownership-scheme",
            "續車牌, driving-licence-renewal",
            "续领驾驶执照, driving-licence-renewal",
            "申請公屋, public-rental-housing",
            "申请公屋, public-rental-housing",
            "出世紙, birth-certificate-copy",
            "綜援, cssa-application",
            "报税, salaries-tax-return",
            "良民證, certificate-of-no-criminal-conviction",
            "牛肉乾, parking-ticket-payment",
    })
    void findsTheServiceFirst(String query, String expected) {
        assertThat(ids(query, SupportedLanguage.EN)).first().isEqualTo(expected);
    }

    @Test
    void chineseWithoutSpacesFindsInBothScripts() {
        assertThat(ids("长者生活津贴", SupportedLanguage.ZH_CN)).first().isEqualTo("old-age-living-allowance");
        assertThat(ids("長者生活津貼", SupportedLanguage.ZH_HK)).first().isEqualTo("old-age-living-allowance");
    }

    @Test
    void typingSimplifiedChineseOnTraditionalPagesStillFinds() {
        assertThat(ids("续领驾驶执照", SupportedLanguage.ZH_HK)).first().isEqualTo("driving-licence-renewal");
    }

    @Test
    void 車牌FindsTheLicencesAndPlates() {
        assertThat(ids("車牌", SupportedLanguage.ZH_HK)).contains("driving-licence-renewal",
                "personalised-vehicle-registration-mark", "international-driving-permit");
    }

    @Test
    void resultsAreRankedByRelevance() {
        List<SearchHit> hits = SEARCH.search("renew driving licence", SupportedLanguage.EN, 10);

        assertThat(hits).hasSizeGreaterThan(1);
        assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
    }

    @Test
    void matchesAreMarkedInTheReadersLanguage() {
        SearchHit hit = SEARCH.search("續期駕駛執照", SupportedLanguage.ZH_HK, 1).get(0);
        SearchHit english = SEARCH.search("drving licence", SupportedLanguage.EN, 1).get(0);

        assertThat(hit.service().id()).isEqualTo("driving-licence-renewal");
        assertThat(hit.name().text()).isEqualTo(hit.service().name().zhHK());
        assertThat(marked(hit.name())).containsExactly("續期", "駕駛執照");
        assertThat(english.service().id()).isEqualTo("driving-licence-renewal");
        assertThat(marked(english.name())).anySatisfy(text -> assertThat(text).containsIgnoringCase("driving"));
        assertThat(marked(english.name())).anySatisfy(text -> assertThat(text).containsIgnoringCase("licence"));
    }

    @Test
    void markupInAQueryIsOnlyText() {
        List<SearchHit> hits = SEARCH.search("<mark>licence</mark><script>alert(1)</script>", SupportedLanguage.EN, 5);

        assertThat(hits).isNotEmpty();
        assertThat(hits).allSatisfy(hit -> assertThat(hit.name().text()).isEqualTo(hit.service().name().en()));
    }

    @Test
    void blankOrNonsenseFindsNothing() {
        assertThat(SEARCH.search("   ", SupportedLanguage.EN, 10)).isEmpty();
        assertThat(SEARCH.search(null, SupportedLanguage.EN, 10)).isEmpty();
        assertThat(SEARCH.search("qqqqzzzz", SupportedLanguage.EN, 10)).isEmpty();
    }

    @Test
    void withoutACatalogueNothingIsFound() {
        assertThat(new ServiceSearch(ServiceCatalogue.EMPTY).search("licence", SupportedLanguage.EN, 10)).isEmpty();
    }

    @Test
    void aVeryLongQueryIsCutNotRefused() {
        assertThat(ids("licence ".repeat(1000), SupportedLanguage.EN)).isNotEmpty();
    }

    private static List<String> marked(HighlightedText text) {
        return text.segments().stream().filter(HighlightedText.Segment::match).map(HighlightedText.Segment::text)
                .toList();
    }

    private static List<String> ids(String query, SupportedLanguage reader) {
        return SEARCH.search(query, reader, 10).stream().map(hit -> hit.service().id()).toList();
    }
}
