package hk.smartid.chatbot.answer;

import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;
import hk.smartid.chatbot.retrieval.Match;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Writes answers from the catalogue entry only, in the question's language (sentences from the bundle
 * {@code hk/smartid/chatbot/answer/Answers}): nothing is invented, a fee or a rule is the catalogue's text.
 */
final class AnswerComposer {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** Applications or messages named in a personal answer; the rest are on the resident's own pages. */
    private static final int PERSONAL_ENTRIES = 5;

    /** The facts of a service; those of one facet first (or only) when the question asks for it. */
    ChatAnswer service(Service service, Language language, Facet facet, boolean followUp, double confidence) {
        List<String> parts = new ArrayList<>();
        String name = service.name().in(language);
        if (facet == null) {
            parts.add(say(language, "service.intro", name, service.summary().in(language)));
            parts.add(fee(service, language));
            parts.add(time(service, language));
            parts.add(say(language, "eligibility", service.eligibility().in(language)));
            parts.add(say(language, "howToApply", service.howToApply().in(language)));
        } else {
            parts.add(followUp ? say(language, "followUp.intro", name) : name + (language.isChinese() ? "：" : ":"));
            parts.add(switch (facet) {
                case FEE -> fee(service, language);
                case PROCESSING_TIME -> time(service, language);
                case ELIGIBILITY -> say(language, "eligibility", service.eligibility().in(language));
                case HOW_TO_APPLY -> say(language, "howToApply", service.howToApply().in(language));
            });
        }
        parts.add(say(language, "more"));
        return new ChatAnswer(String.join(language.isChinese() ? "" : " ", parts), language.tag(), service.id(), List.of(link(service, language)), confidence, Intent.SERVICE_INFO.value());
    }

    /** Not sure which service (or none): says so, names the closest services, and the 1823 enquiry line. */
    ChatAnswer fallback(List<Match> closest, Language language, double confidence) {
        List<Link> links = closest.stream().map(match -> link(match.service(), language)).toList();
        String names = String.join(language.isChinese() ? "、" : "; ", links.stream().map(Link::title).toList());
        String separator = language.isChinese() ? "" : " ";
        String answer = say(language, "fallback") + separator
                + (links.isEmpty() ? "" : say(language, "fallback.closest", names) + separator)
                + say(language, "fallback.enquiry");
        return new ChatAnswer(answer, language.tag(), null, links, confidence, Intent.FALLBACK.value());
    }

    /** The resident's own applications or unread messages; an anonymous visitor is asked to log in. */
    ChatAnswer personal(PersonalTopic topic, Language language, ResidentRecords resident) {
        String name = topic == PersonalTopic.APPLICATIONS ? "applications" : "notifications";
        if (resident == null) {
            return plain(topic.intent(), language, "personal.login." + name);
        }
        List<ResidentRecords.Entry> entries = topic == PersonalTopic.APPLICATIONS
                ? resident.applications(language) : resident.unreadMessages(language);
        if (entries.isEmpty()) {
            return plain(topic.intent(), language, "personal.none." + name);
        }
        List<ResidentRecords.Entry> shown = entries.subList(0, Math.min(entries.size(), PERSONAL_ENTRIES));
        String list = String.join(language.isChinese() ? "；" : "; ", shown.stream()
                .map(entry -> say(language, "personal.entry", entry.title(), entry.status())).toList());
        return new ChatAnswer(say(language, "personal.list." + name, entries.size(), list), language.tag(), null,
                shown.stream().map(entry -> new Link(entry.title(), entry.url())).toList(), 1.0, topic.intent().value());
    }

    ChatAnswer plain(Intent intent, Language language, String key, Object... arguments) {
        return new ChatAnswer(say(language, key, arguments), language.tag(), null, List.of(), 1.0, intent.value());
    }

    private static String fee(Service service, Language language) {
        return service.feeHkd() == 0 ? say(language, "fee.free", service.feeNote().in(language))
                : say(language, "fee.amount", service.feeHkd(), service.feeNote().in(language));
    }

    private static String time(Service service, Language language) {
        return service.processingDays() == 0 ? say(language, "time.immediate")
                : say(language, "time.days", service.processingDays());
    }

    private static Link link(Service service, Language language) {
        return new Link(say(language, "link.title", service.name().in(language)), service.path());
    }

    private static String say(Language language, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("hk.smartid.chatbot.answer.Answers", language.locale(), NO_FALLBACK);
        return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
    }
}
