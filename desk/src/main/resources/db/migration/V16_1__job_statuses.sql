-- Bulk jobs (create_many, update_many, destroy_many, create_or_update_many, ticket import) and their
-- per-item results (jobstatus/). A result row is written in the same transaction as its item's change,
-- so a job re-run after a crash skips the items already done.
CREATE TABLE job_statuses (
    id          VARCHAR(32)      NOT NULL PRIMARY KEY,
    job_type    VARCHAR(64)      NOT NULL,
    status      VARCHAR(16)      NOT NULL,
    total       INT              NOT NULL,
    progress    INT              NOT NULL,
    message     VARCHAR(255),
    actor_id    BIGINT           NOT NULL,
    items       VARCHAR(10000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_statuses_status_idx ON job_statuses (status);
CREATE INDEX job_statuses_created_idx ON job_statuses (created_at);

CREATE TABLE job_status_results (
    job_id      VARCHAR(32)      NOT NULL,
    item_index  INT              NOT NULL,
    result      VARCHAR(100000)  NOT NULL,
    PRIMARY KEY (job_id, item_index)
);

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler), as its PostgreSQL schema has it: the
-- job tasks of every desk instance sharing this database.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority, execution_time);
