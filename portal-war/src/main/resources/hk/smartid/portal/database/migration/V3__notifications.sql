-- A resident's messages (hk.smartid.portal.notifications): one per status an application of theirs got. Only facts
-- are kept (application, service, status, when); the words are made in the reader's language when it is read.
-- Ids are random UUIDs (they appear in URLs).
CREATE TABLE notification (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    resident_subject      VARCHAR(255) NOT NULL,
    application_id        VARCHAR(36)  NOT NULL REFERENCES application (id),
    application_reference VARCHAR(20)  NOT NULL,
    service_id            VARCHAR(100) NOT NULL,
    status                VARCHAR(32)  NOT NULL,
    created_at            TIMESTAMP    NOT NULL,
    read_at               TIMESTAMP
);
CREATE INDEX notification_of_resident ON notification (resident_subject, created_at);
CREATE INDEX notification_unread ON notification (resident_subject, read_at);
