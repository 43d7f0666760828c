package hk.smartid.portal.chat;

/** The body of {@code POST /api/chat}: {@code {"message": "...", "lang": "en|zh-HK|zh-CN"}} ({@code lang} optional). */
public class ChatRequest {

    private String message;
    private String lang;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }
}
