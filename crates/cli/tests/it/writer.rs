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
