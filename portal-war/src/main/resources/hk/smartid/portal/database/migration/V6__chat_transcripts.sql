-- What residents asked the chatbot and what it answered (hk.smartid.portal.chat.ChatTranscripts), kept only for the
-- configured retention (smartid.chat.transcript-days) and purged after it. Identity card numbers, phone numbers and
-- emails are taken out before a row is written; no row names the resident (the conversation is a random id), and
-- the text of an answer about the resident's own applications or messages is not kept.
CREATE TABLE chat_transcript (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    conversation VARCHAR(36)   NOT NULL,
    asked_at     TIMESTAMP     NOT NULL,
    language     VARCHAR(10)   NOT NULL,
    question     VARCHAR(1000) NOT NULL,
    answer       VARCHAR(4000),
    service_id   VARCHAR(100),
    intent       VARCHAR(32)   NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL
);
CREATE INDEX chat_transcript_asked_at ON chat_transcript (asked_at);
