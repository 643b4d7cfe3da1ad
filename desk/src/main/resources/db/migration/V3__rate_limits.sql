-- The account's plan, which sets its API rate limits (one account per installation: a single row).
-- Fresh installs start on Enterprise (700 requests per minute), without the High Volume API add-on
-- and with the sandbox clock off.
CREATE TABLE account_plan (
    id          INT         NOT NULL PRIMARY KEY,
    plan        VARCHAR(32) NOT NULL,
    high_volume BOOLEAN     NOT NULL,
    sandbox     BOOLEAN     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_plan_single_row CHECK (id = 1),
    CONSTRAINT account_plan_known CHECK (plan IN ('team', 'growth', 'professional', 'enterprise', 'enterprise_plus'))
);

INSERT INTO account_plan (id, plan, high_volume, sandbox, updated_at)
VALUES (1, 'enterprise', FALSE, FALSE, CURRENT_TIMESTAMP);
