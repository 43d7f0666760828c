-- Fees paid for applications (hk.smartid.portal.payments): one row per payment notification the provider signed and
-- the portal applied. The notification id is the key, so a notification sent again is never applied twice.
CREATE TABLE payment (
    notification_id VARCHAR(255)   NOT NULL PRIMARY KEY,
    application_id  VARCHAR(36)    NOT NULL REFERENCES application (id),
    reference       VARCHAR(20)    NOT NULL,
    amount          DECIMAL(15, 2) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    paid_at         TIMESTAMP      NOT NULL,
    received_at     TIMESTAMP      NOT NULL
);
CREATE INDEX payment_of_application ON payment (application_id);
