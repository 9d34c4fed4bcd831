//! The storage stories live in `tests/it`, each run against SQLite and against the PostgreSQL
//! server `TRACKTWO_TEST_POSTGRES_URL` names, through the stores `tracktwo-test-support` makes.
//! This library is empty: a package needs a target, and the stories are tests.
