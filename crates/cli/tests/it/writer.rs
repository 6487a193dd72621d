//! SQLite's one writer (issue #12): write transactions queue in-process for one writer connection
//! instead of racing for the file's lock, and the readers are read-only, so a use case that writes
//! through a reader fails here rather than racing the writer in production.

use crate::harness::{Backend, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_through_a_reader_is_refused_on_sqlite() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    let mut reader = t.app.db.conn().await.unwrap();
    let refused = sqlx::query("DELETE FROM sessions")
        .execute(&mut *reader)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("readonly"),
        "a reader wrote: {refused}"
    );
    drop(reader);
    let mut writer = t.app.db.write_conn().await.unwrap();
    sqlx::query("DELETE FROM sessions")
        .execute(&mut *writer)
        .await
        .unwrap();
}

/// Sixty-four tasks write at once while others read: every write commits once, every read sees a
/// committed count, and none of them waits for another process's lock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_writers_all_commit_while_readers_read() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    {
        let mut w = t.app.db.write_conn().await.unwrap();
        sqlx::query("CREATE TABLE writer_probe (id INTEGER PRIMARY KEY, task BIGINT NOT NULL)")
            .execute(&mut *w)
            .await
            .unwrap();
    }
    let mut tasks = Vec::new();
    for task in 0..64_i64 {
        let db = t.app.db.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..5 {
                let mut tx = db.begin().await.unwrap();
                sqlx::query("INSERT INTO writer_probe (task) VALUES ($1)")
                    .bind(task)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
            }
        }));
    }
    for _ in 0..8 {
        let db = t.app.db.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..20 {
                let mut r = db.conn().await.unwrap();
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM writer_probe")
                    .fetch_one(&mut *r)
                    .await
                    .unwrap();
                assert!((0..=320).contains(&n));
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let mut r = t.app.db.conn().await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM writer_probe")
        .fetch_one(&mut *r)
        .await
        .unwrap();
    assert_eq!(n, 64 * 5);
}

/// Group commit (issue #12): write transactions queued behind each other share durable commits,
/// and each keeps its own outcome — a rolled-back one, a dropped one (an early `?` return) and
/// one whose statement failed take nothing of the others with them, and every `commit()` that
/// returned is visible at once to a reader (it was committed, not merely queued).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_transactions_share_commits_and_keep_their_own_outcome() {
    let t = TestApp::spawn(Backend::Sqlite).await;
    {
        let mut w = t.app.db.write_conn().await.unwrap();
        sqlx::query(
            "CREATE TABLE group_probe (id INTEGER PRIMARY KEY, task BIGINT NOT NULL, \
             n BIGINT NOT NULL, UNIQUE (task, n))",
        )
        .execute(&mut *w)
        .await
        .unwrap();
    }
    let before = t.app.db.group_stats().expect("SQLite groups its commits");
    let mut tasks = Vec::new();
    for task in 0..48_i64 {
        let db = t.app.db.clone();
        tasks.push(tokio::spawn(async move {
            let mut kept = Vec::new();
            for n in 0..6_i64 {
                let mut tx = db.begin().await.unwrap();
                sqlx::query("INSERT INTO group_probe (task, n) VALUES ($1, $2)")
                    .bind(task)
                    .bind(n)
                    .execute(&mut *tx)
                    .await
                    .unwrap();
                match (task + n) % 4 {
                    0 => tx.rollback().await.unwrap(),
                    1 => drop(tx),
                    2 => {
                        // A statement that fails (the same row again) leaves the rest of the
                        // transaction, and of its group, as it was.
                        let dup = sqlx::query("INSERT INTO group_probe (task, n) VALUES ($1, $2)")
                            .bind(task)
                            .bind(n)
                            .execute(&mut *tx)
                            .await;
                        assert!(dup.is_err(), "a duplicate row was accepted");
                        tx.commit().await.unwrap();
                        kept.push(n);
                    }
                    _ => {
                        tx.commit().await.unwrap();
                        kept.push(n);
                    }
                }
                if let Some(&last) = kept.last() {
                    let mut r = db.conn().await.unwrap();
                    let seen: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM group_probe WHERE task = $1 AND n = $2",
                    )
                    .bind(task)
                    .bind(last)
                    .fetch_one(&mut *r)
                    .await
                    .unwrap();
                    assert_eq!(
                        seen, 1,
                        "task {task}: row {last} not visible after its commit"
                    );
                }
            }
            (task, kept)
        }));
    }
    let mut expected = std::collections::BTreeSet::new();
    for task in tasks {
        let (task, kept) = task.await.unwrap();
        expected.extend(kept.into_iter().map(|n| (task, n)));
    }
    let mut r = t.app.db.conn().await.unwrap();
    let rows: Vec<(i64, i64)> = sqlx::query_as("SELECT task, n FROM group_probe ORDER BY task, n")
        .fetch_all(&mut *r)
        .await
        .unwrap();
    let found: std::collections::BTreeSet<(i64, i64)> = rows.into_iter().collect();
    assert_eq!(found, expected, "exactly the committed rows are there");
    let after = t.app.db.group_stats().unwrap();
    let transactions = after.transactions - before.transactions;
    let commits = after.commits - before.commits;
    assert_eq!(transactions, expected.len() as u64, "{after:?}");
    assert!(
        commits < transactions,
        "{transactions} transactions queued at once took {commits} commits: none shared"
    );
    // And the writer is free again: a write outside a transaction goes through.
    drop(r);
    let mut w = t.app.db.write_conn().await.unwrap();
    sqlx::query("DELETE FROM group_probe")
        .execute(&mut *w)
        .await
        .unwrap();
}
