-- The language each account chose for its pages (a BCP 47 tag such as `ar`), one row per account
-- that chose one; an account without a row reads its pages in the language its browser asks
-- for. A row carries a MAC like the other account rows, so a database writer cannot change the
-- language someone reads their workspace in. Stores of before have no rows: nobody has chosen.
CREATE TABLE account_languages (
    user_id  TEXT NOT NULL PRIMARY KEY REFERENCES users (id),
    language TEXT NOT NULL,
    mac      BLOB
);
