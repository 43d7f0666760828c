package hk.smartid.chatbot.retrieval;

import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;

import java.util.stream.Stream;

/** The catalogue texts of a service that retrieval reads, besides its name and keywords. */
final class Passages {

    private Passages() {
    }

    static Stream<String> texts(Service service, Language language) {
        return Stream.concat(
                Stream.of(service.summary(), service.eligibility(), service.howToApply(), service.feeNote(),
                        service.category(), service.department()),
                service.faq().stream().flatMap(faq -> Stream.of(faq.question(), faq.answer())))
                .map(text -> text.in(language));
    }
}
