-- The developer area (hk.smartid.portal.developers): businesses' organisations as their representative (a verified
-- resident) declared them, their integrations (registered in the sandbox realm at once, in production once an
-- approver approved), and every approver's decision (append only: the audit of who decided what, when and why).
CREATE TABLE developer_organisation (
    owner_subject                VARCHAR(255) NOT NULL PRIMARY KEY,
    name                         VARCHAR(200) NOT NULL,
    business_registration_number VARCHAR(8)   NOT NULL,
    declared_at                  TIMESTAMP    NOT NULL
);

CREATE TABLE developer_integration (
    id                           VARCHAR(36)    NOT NULL PRIMARY KEY,
    owner_subject                VARCHAR(255)   NOT NULL REFERENCES developer_organisation (owner_subject),
    organisation_name            VARCHAR(200)   NOT NULL,
    business_registration_number VARCHAR(8)     NOT NULL,
    name_en                      VARCHAR(500)   NOT NULL,
    name_zh_hk                   VARCHAR(500)   NOT NULL,
    name_zh_cn                   VARCHAR(500)   NOT NULL,
    profile                      VARCHAR(20)    NOT NULL,
    registration                 VARCHAR(20000) NOT NULL,
    sandbox_client_id            VARCHAR(63)    NOT NULL UNIQUE,
    production_client_id         VARCHAR(63)    NOT NULL UNIQUE,
    state                        VARCHAR(20)    NOT NULL,
    created_at                   TIMESTAMP      NOT NULL,
    submitted_at                 TIMESTAMP,
    decided_at                   TIMESTAMP,
    refusal_reason               VARCHAR(2000),
    version                      INTEGER        NOT NULL
);
CREATE INDEX developer_integration_of_owner ON developer_integration (owner_subject);
CREATE INDEX developer_integration_by_state ON developer_integration (state);

CREATE TABLE developer_integration_decision (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    integration_id   VARCHAR(36)   NOT NULL REFERENCES developer_integration (id),
    decision         VARCHAR(20)   NOT NULL,
    approver_subject VARCHAR(255)  NOT NULL,
    approver_name    VARCHAR(255)  NOT NULL,
    reason           VARCHAR(2000),
    decided_at       TIMESTAMP     NOT NULL
);
CREATE INDEX developer_decision_of_integration ON developer_integration_decision (integration_id);
