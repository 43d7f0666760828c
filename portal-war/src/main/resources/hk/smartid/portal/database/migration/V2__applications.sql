-- Residents' applications for the catalogue's e-services (hk.smartid.portal.applications).
-- Ids are random UUIDs (never sequential: they appear in URLs); the reference is what people read and quote.
CREATE TABLE application (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    reference        VARCHAR(20)  NOT NULL,
    resident_subject VARCHAR(255) NOT NULL,
    service_id       VARCHAR(100) NOT NULL,
    department_id    VARCHAR(100) NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    fee_hkd          BIGINT       NOT NULL,
    language         VARCHAR(10)  NOT NULL,
    submission_key   VARCHAR(64)  NOT NULL,
    submitted_at     TIMESTAMP    NOT NULL,
    updated_at       TIMESTAMP    NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT application_reference_unique UNIQUE (reference),
    -- One application per form a resident filled in, however often it is posted (double click, back, replay).
    CONSTRAINT application_submission_unique UNIQUE (resident_subject, submission_key)
);
CREATE INDEX application_of_resident ON application (resident_subject, submitted_at);
CREATE INDEX application_of_department ON application (department_id, status, submitted_at);

-- The values the resident submitted, in the form's order.
CREATE TABLE application_value (
    application_id VARCHAR(36)   NOT NULL REFERENCES application (id),
    position       INT           NOT NULL,
    field_name     VARCHAR(100)  NOT NULL,
    field_value    VARCHAR(4000) NOT NULL,
    prefilled      BOOLEAN       NOT NULL,
    verified       BOOLEAN       NOT NULL,
    PRIMARY KEY (application_id, position)
);

-- Every status an application had: who set it (resident, officer or payment provider), when and why.
CREATE TABLE application_status_change (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    application_id VARCHAR(36)   NOT NULL REFERENCES application (id),
    position       INT           NOT NULL,
    status         VARCHAR(32)   NOT NULL,
    changed_at     TIMESTAMP     NOT NULL,
    actor_subject  VARCHAR(255)  NOT NULL,
    actor_role     VARCHAR(20)   NOT NULL,
    actor_name     VARCHAR(255)  NOT NULL,
    note           VARCHAR(2000),
    CONSTRAINT application_status_change_position UNIQUE (application_id, position)
);
