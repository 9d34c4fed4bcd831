// The migrations are embedded at compile time by `sqlx::migrate!`; rebuild when one is added or
// changed, or a stale binary would open stores with an old schema.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
