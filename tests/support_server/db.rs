//! Reading the database a test server serves, on either engine, for the checks a test makes beyond the
//! API (delivery attempts, stored rows). SQL is written once, SQLite style (`?1`); on PostgreSQL the
//! placeholders become `$1`. Values come back as JSON: text, integers or null.

use serde_json::Value;
use std::path::Path;

/// The engine-neutral handle: the SQLite file, or the PostgreSQL database the server runs on.
#[derive(Clone)]
pub enum Db {
    Sqlite(std::path::PathBuf),
    Postgres(indsigt::store::postgres::PgStore),
}

impl Db {
    pub fn new(sqlite: &Path, pg: Option<&indsigt::store::postgres::PgStore>) -> Db {
        match pg {
            Some(pg) => Db::Postgres(pg.clone()),
            None => Db::Sqlite(sqlite.to_owned()),
        }
    }

    /// Every row of `sql` with `params` (strings or integers), each column as JSON.
    pub async fn rows(&self, sql: &str, params: &[Value]) -> Vec<Vec<Value>> {
        match self {
            Db::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).unwrap();
                let mut st = conn.prepare(sql).unwrap();
                let n = st.column_count();
                let params: Vec<rusqlite::types::Value> = params.iter().map(to_sqlite).collect();
                st.query_map(rusqlite::params_from_iter(params), |r| {
                    (0..n)
                        .map(|i| {
                            Ok(match r.get_ref(i)? {
                                rusqlite::types::ValueRef::Null => Value::Null,
                                rusqlite::types::ValueRef::Integer(v) => v.into(),
                                rusqlite::types::ValueRef::Real(v) => v.into(),
                                rusqlite::types::ValueRef::Text(t) => {
                                    String::from_utf8_lossy(t).into_owned().into()
                                }
                                rusqlite::types::ValueRef::Blob(_) => Value::Null,
                            })
                        })
                        .collect()
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
            }
            Db::Postgres(pg) => {
                let client = pg.client().await.unwrap();
                let sql = dollar_placeholders(sql);
                let owned: Vec<Box<dyn tokio_postgres::types::ToSql + Sync + Send>> =
                    params.iter().map(to_pg).collect();
                let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = owned
                    .iter()
                    .map(|b| b.as_ref() as &(dyn tokio_postgres::types::ToSql + Sync))
                    .collect();
                let rows = client.query(sql.as_str(), &refs).await.unwrap();
                rows.iter()
                    .map(|r| {
                        (0..r.len())
                            .map(|i| {
                                if let Ok(v) = r.try_get::<_, Option<i64>>(i) {
                                    return v.map(Value::from).unwrap_or(Value::Null);
                                }
                                if let Ok(v) = r.try_get::<_, Option<String>>(i) {
                                    return v.map(Value::from).unwrap_or(Value::Null);
                                }
                                if let Ok(v) = r.try_get::<_, Option<i32>>(i) {
                                    return v.map(Value::from).unwrap_or(Value::Null);
                                }
                                panic!("column {i} of {sql} is neither text nor an integer")
                            })
                            .collect()
                    })
                    .collect()
            }
        }
    }

    /// The first column of each row, as text.
    pub async fn strings(&self, sql: &str, params: &[Value]) -> Vec<String> {
        self.rows(sql, params)
            .await
            .into_iter()
            .map(|r| match &r[0] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
    }

    /// The one integer `sql` answers (a `count(*)`).
    pub async fn count(&self, sql: &str, params: &[Value]) -> i64 {
        self.rows(sql, params).await[0][0].as_i64().unwrap()
    }
}

impl Db {
    /// Whether `needle` is stored anywhere in the database, in clear. On SQLite: in the bytes of the file
    /// or its WAL (the file must hold something). On PostgreSQL: in the text of any row of any table of
    /// schema `public` (partitions included).
    pub async fn contains_text(&self, needle: &str) -> bool {
        match self {
            Db::Sqlite(path) => {
                let mut bytes = std::fs::read(path).unwrap();
                assert!(bytes.len() > 4096, "{} holds nothing", path.display());
                let mut wal = path.clone().into_os_string();
                wal.push("-wal");
                if let Ok(b) = std::fs::read(&wal) {
                    bytes.extend(b);
                }
                bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
            }
            Db::Postgres(pg) => {
                let client = pg.client().await.unwrap();
                let tables = client
                    .query(
                        "SELECT table_name::text FROM information_schema.tables
                         WHERE table_schema = 'public' ORDER BY table_name",
                        &[],
                    )
                    .await
                    .unwrap();
                assert!(tables.len() > 10, "the schema has its tables");
                for table in tables {
                    let name: String = table.get(0);
                    let sql = format!(
                        "SELECT 1 FROM public.\"{}\" t WHERE strpos(t::text, $1) > 0 LIMIT 1",
                        name.replace('"', "\"\"")
                    );
                    if !client.query(&sql, &[&needle]).await.unwrap().is_empty() {
                        return true;
                    }
                }
                false
            }
        }
    }
}

/// `?1` → `$1` (the tests' SQL has no `?` inside strings).
fn dollar_placeholders(sql: &str) -> String {
    sql.replace('?', "$")
}

fn to_sqlite(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Null => rusqlite::types::Value::Null,
        Value::Number(n) => rusqlite::types::Value::Integer(n.as_i64().unwrap()),
        Value::String(s) => rusqlite::types::Value::Text(s.clone()),
        other => panic!("unsupported parameter {other}"),
    }
}

fn to_pg(v: &Value) -> Box<dyn tokio_postgres::types::ToSql + Sync + Send> {
    match v {
        Value::Null => Box::new(None::<String>),
        Value::Number(n) => Box::new(n.as_i64().unwrap()),
        Value::String(s) => Box::new(s.clone()),
        other => panic!("unsupported parameter {other}"),
    }
}
