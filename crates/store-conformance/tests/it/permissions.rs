//! The SQLite store's folder and files are readable by their owner alone, whatever the umask: a
//! new store is created so, and an older one is tightened when opened. (PostgreSQL's files are
//! the server's; its data directory is 0700 by PostgreSQL's own rule.)

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use tracktwo_store::Store;
use tracktwo_store_sqlite::{DATABASE_FILE, SqliteStore};

/// The permission bits, in octal as `chmod` writes them.
fn mode(path: &Path) -> String {
    let mode = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode();
    format!("{:o}", mode & 0o777)
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The database and every file SQLite keeps beside it that exists now.
fn store_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().unwrap().to_string_lossy().starts_with(DATABASE_FILE))
        .collect();
    assert!(files.iter().any(|f| f.ends_with(DATABASE_FILE)), "no database in {files:?}");
    files
}

#[track_caller]
fn assert_private(dir: &Path, expect_companions: bool) {
    assert_eq!(mode(dir), "700", "the data folder {}", dir.display());
    let files = store_files(dir);
    if expect_companions {
        for suffix in ["-wal", "-shm"] {
            assert!(files.iter().any(|f| f.to_string_lossy().ends_with(suffix)), "no {suffix} file in {files:?}");
        }
    }
    for file in files {
        assert_eq!(mode(&file), "600", "{}", file.display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sqlite_folder_and_files_are_the_owners_alone() {
    let parent = tempfile::tempdir().unwrap();
    // Group and others may read what is created here unless the store sees to it: the test
    // process's umask is typically 022, under which SQLite alone would create 0644 files.
    set_mode(parent.path(), 0o755);
    let dir = parent.path().join("nested").join("data");

    // A new store, folders created on the way.
    let store = SqliteStore::open(&dir).await.unwrap();
    store.begin(tracktwo_test_support::test_rows()).await.unwrap().commit().await.unwrap();
    assert_private(&dir, true);
    store.close().await;

    // A store created before, under a loose umask: folder, database and a WAL and shared-memory
    // file left by a crash, all readable by others.
    set_mode(&dir, 0o755);
    for file in store_files(&dir) {
        set_mode(&file, 0o644);
    }
    for suffix in ["-wal", "-shm"] {
        let stray = dir.join(format!("{DATABASE_FILE}{suffix}"));
        if !stray.exists() {
            std::fs::write(&stray, b"").unwrap();
        }
        set_mode(&stray, 0o666);
    }
    let store = SqliteStore::open(&dir).await.unwrap();
    store.begin(tracktwo_test_support::test_rows()).await.unwrap().commit().await.unwrap();
    assert_private(&dir, true);
    store.close().await;
}
