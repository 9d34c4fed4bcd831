//! The use cases on a real store (SQLite, throw-away): the rules that decide what a caller gets
//! back, each tested through the same calls the web workspace and the command line make.

mod archive_files;
mod consent;
mod measures;
mod negotiating_text;
mod outcomes;
mod reports;
mod secret_channel;
mod selection;
mod statement_languages;

use std::sync::Arc;

use tracktwo_app::App;
use tracktwo_domain::{Channel, Identity, InitiativeId, MemberRole, NewInitiative, NewUser, SideId};
use tracktwo_test_support::{TestStore, init_app, init_app_born_at};

/// A store with one app over it, and the people the tests act as.
pub struct World {
    pub store: TestStore,
    pub app: Arc<App>,
}

impl World {
    pub async fn new() -> Self {
        let store = TestStore::sqlite().await;
        let app = Arc::new(init_app(Arc::clone(&store.store)).await);
        Self { store, app }
    }

    /// A store born at format 1, for tests that rewrite it as a tracktwo of then left it
    /// ([`TestStore::rewrite_as_format_1`]).
    pub async fn of_format_1() -> Self {
        let store = TestStore::sqlite().await;
        let app = Arc::new(init_app_born_at(Arc::clone(&store.store), 1).await);
        Self { store, app }
    }

    pub async fn initiative(&self, title: &str, secret_channel: bool) -> InitiativeId {
        let new = NewInitiative { title: title.into(), description: String::new(), secret_channel };
        self.app.create_initiative(&Identity::key_holder(), new, None).await.expect("create an initiative").id
    }

    /// A new account, made a member of `initiative` in `role` (on `side`).
    pub async fn member(
        &self,
        username: &str,
        initiative: InitiativeId,
        role: MemberRole,
        side: Option<SideId>,
    ) -> Identity {
        let kh = Identity::key_holder();
        let id = match self.app.user_by_username(&kh, username).await {
            Ok(user) => user.id,
            Err(_) => {
                let new = NewUser { username: username.into(), display_name: String::new(), is_admin: false };
                self.app.create_user(&kh, new).await.expect("create a user").id
            }
        };
        self.app.add_member(&kh, initiative, id, role, side).await.expect("add a member");
        Identity::user(id, false, Channel::Web)
    }
}
