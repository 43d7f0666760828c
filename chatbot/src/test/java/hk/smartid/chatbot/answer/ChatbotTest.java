package hk.smartid.chatbot.answer;

import hk.smartid.chatbot.TestCatalogue;
import hk.smartid.chatbot.catalogue.Service;
import hk.smartid.chatbot.language.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatbotTest {

    private final Chatbot chatbot = TestCatalogue.chatbot();

    @Test
    void everyServiceIsFoundByItsNameInEveryLanguageAndAnsweredFromItsEntry() {
        List<String> misses = new ArrayList<>();
        for (Service service : TestCatalogue.catalogue().services()) {
            for (Language language : Language.values()) {
                ChatAnswer answer = chatbot.ask(new Question(service.name().in(language), language.tag(), null, null));
                if (!service.id().equals(answer.serviceId()) || !language.tag().equals(answer.lang())
                        || !answer.answer().contains(service.name().in(language))
                        || !answer.links().contains(new Link(service.name().in(language), "/services/service?id=" + service.id()))) {
                    misses.add(language.tag() + " " + service.id() + " -> " + answer.serviceId() + " " + answer.lang());
                }
            }
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void statesTheFeeAndTimeOfTheCatalogue() {
        Service licence = TestCatalogue.catalogue().service("driving-licence-renewal").orElseThrow();
        ChatAnswer answer = chatbot.ask(Question.of("How much does it cost to renew my driving licence?"));

        assertThat(answer.serviceId()).isEqualTo("driving-licence-renewal");
        assertThat(answer.intent()).isEqualTo("service-info");
        assertThat(answer.answer()).contains("HK$" + licence.feeHkd(), licence.feeNote().en());
    }

    @Test
    void followUpQuestionsAreAboutTheServiceOfTheConversation() {
        Service licence = TestCatalogue.catalogue().service("driving-licence-renewal").orElseThrow();
        chatbot.ask(new Question("How do I renew my driving licence?", null, "conversation-en", null));
        ChatAnswer fee = chatbot.ask(new Question("how much is it?", null, "conversation-en", null));

        assertThat(fee.serviceId()).isEqualTo("driving-licence-renewal");
        assertThat(fee.answer()).contains("HK$" + licence.feeHkd());

        chatbot.ask(new Question("點樣renew車牌？", null, "conversation-zh", null));
        ChatAnswer documents = chatbot.ask(new Question("要帶咩文件？", null, "conversation-zh", null));
        assertThat(documents.serviceId()).isEqualTo("driving-licence-renewal");
        assertThat(documents.lang()).isEqualTo("zh-HK");
        assertThat(documents.answer()).contains(licence.howToApply().zhHK());

        // without the conversation, the same question is about no service in particular
        assertThat(chatbot.ask(Question.of("how much is it?")).serviceId()).isNull();
    }

    @Test
    void outOfScopeQuestionsGetAnHonestFallbackWithTheEnquiryLine() {
        for (String message : List.of("tell me a joke", "should I buy Tencent shares?",
                "今晚食乜好？", "推荐一部好看的电影")) {
            ChatAnswer answer = chatbot.ask(Question.of(message));
            assertThat(answer.serviceId()).as(message).isNull();
            assertThat(answer.intent()).as(message).isEqualTo("fallback");
            assertThat(answer.answer()).as(message).contains("1823").doesNotContain("HK$").doesNotContain("港幣");
            assertThat(answer.links()).as(message).hasSize(3);
        }
    }

    @Test
    void emptyOverLongAndMarkupMessagesGetAClearSafeReply() {
        for (String message : new String[] {null, "", "   "}) {
            ChatAnswer answer = chatbot.ask(Question.of(message));
            assertThat(answer.intent()).isEqualTo("invalid");
            assertThat(answer.serviceId()).isNull();
            assertThat(answer.answer()).contains("Please type a question");
        }
        ChatAnswer tooLong = chatbot.ask(Question.of("passport ".repeat(112)));
        assertThat(tooLong.intent()).isEqualTo("invalid");
        assertThat(tooLong.answer()).contains("1,000 characters");
        assertThat(chatbot.ask(new Question("護照".repeat(501), null, null, null)).answer()).contains("1,000");

        for (String attack : List.of("<script>alert(1)</script> passport", "<img src=x onerror=alert(1)>",
                "&lt;script&gt;", "click javascript:alert(1)")) {
            ChatAnswer answer = chatbot.ask(Question.of(attack));
            assertThat(answer.intent()).as(attack).isEqualTo("invalid");
            assertThat(answer.serviceId()).as(attack).isNull();
            assertThat(answer.answer()).as(attack).doesNotContain("<", ">", "script>", "alert");
        }
    }

    @Test
    void personalQuestionsFromAnAnonymousVisitorAskToLogIn() {
        ChatAnswer applications = chatbot.ask(Question.of("what is the status of my application?"));
        assertThat(applications.intent()).isEqualTo("my-applications");
        assertThat(applications.serviceId()).isNull();
        assertThat(applications.answer()).contains("log in");

        ChatAnswer messages = chatbot.ask(Question.of("有冇新訊息？"));
        assertThat(messages.intent()).isEqualTo("my-notifications");
        assertThat(messages.lang()).isEqualTo("zh-HK");
        assertThat(messages.answer()).contains("登入");
    }

    @Test
    void personalQuestionsOfASignedInResidentAreAnsweredFromTheirOwnRecordsOnly() {
        ResidentRecords resident = new ResidentRecords() {
            @Override
            public List<Entry> applications(Language language) {
                return List.of(new Entry(language == Language.EN ? "Passport" : "護照", "In progress", "/applications/a1"));
            }

            @Override
            public List<Entry> unreadMessages(Language language) {
                return List.of();
            }
        };
        ChatAnswer applications = chatbot.ask(new Question("what is the status of my application?", null, null, resident));
        assertThat(applications.intent()).isEqualTo("my-applications");
        assertThat(applications.answer()).isEqualTo("Your applications (1): Passport: In progress.");
        assertThat(applications.links()).containsExactly(new Link("Passport", "/applications/a1"));

        ChatAnswer messages = chatbot.ask(new Question("有冇新訊息？", null, null, resident));
        assertThat(messages.intent()).isEqualTo("my-notifications");
        assertThat(messages.answer()).isEqualTo("你沒有新訊息。");
    }

    @Test
    void theLanguageAskedForIsTheLanguageAnswered() {
        ChatAnswer answer = chatbot.ask(new Question("passport renewal", "zh-CN", null, null));
        assertThat(answer.lang()).isEqualTo("zh-CN");
        assertThat(answer.serviceId()).isEqualTo("passport-application");
        assertThat(answer.answer()).contains(TestCatalogue.catalogue().service("passport-application").orElseThrow()
                .name().zhCN());
    }

    @Test
    void identityNumbersPhonesAndEmailsAreRedactedBeforeTheyAreKept() {
        chatbot.ask(new Question("My HKID is A123456(7), call 9123 4567 or mail chan.tai.man@example.com about my passport",
                null, "conversation-private", null));
        List<Conversations.Turn> transcript = new ArrayList<>();
        // the conversation store is the chatbot's only memory of what was asked
        transcript.addAll(TestCatalogue.conversations().transcript("conversation-private"));
        assertThat(transcript).hasSize(1);
        assertThat(transcript.get(0).question())
                .doesNotContain("A123456", "9123", "4567", "chan.tai.man", "example.com")
                .contains("[HKID]", "[PHONE]", "[EMAIL]");
    }
}
