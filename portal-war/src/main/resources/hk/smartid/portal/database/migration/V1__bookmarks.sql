-- A resident's bookmarked e-services: the resident's subject (the IdP's sub) and the catalogue's service id.
CREATE TABLE bookmark (
    resident_subject VARCHAR(255) NOT NULL,
    service_id       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (resident_subject, service_id)
);
