package hk.smartid.chatbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Questions about the resident's own records rather than a service: their applications, their messages. */
enum PersonalTopic {
    APPLICATIONS(Intent.MY_APPLICATIONS, List.of("my application", "status of my", "my submission", "application status",
            "我的申請", "我嘅申請", "我的申请", "申請進度", "申请进度", "申請狀態", "申请状态", "批咗未", "批了没")),
    NOTIFICATIONS(Intent.MY_NOTIFICATIONS, List.of("my messages", "new messages", "any messages", "my notifications",
            "new notifications", "any notifications", "我的訊息", "我嘅訊息", "新訊息", "有冇訊息", "我的消息", "新消息",
            "我的通知", "新通知", "有冇通知"));

    private final Intent intent;
    private final List<String> cues;

    PersonalTopic(Intent intent, List<String> cues) {
        this.intent = intent;
        this.cues = cues;
    }

    Intent intent() {
        return intent;
    }

    static Optional<PersonalTopic> askedIn(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (PersonalTopic topic : values()) {
            if (topic.cues.stream().anyMatch(lower::contains)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
