-- Facts about the warehouse itself (key/value). 'synthetic' = 'true' marks a warehouse filled by
-- `kepegawaian demo`, the only kind demo may load into again (it never mixes made-up employees
-- into a real warehouse).
CREATE TABLE IF NOT EXISTS warehouse_info (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);
