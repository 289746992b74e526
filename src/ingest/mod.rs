//! Ingest from line-of-business systems, apart from any one transport: the streaming JSONL loader used by
//! `indsigt ingest`. The HTTP ingest endpoints and this loader check records the same way.

pub mod access;
pub mod command;
pub mod cpr;
pub mod jsonl;
pub mod load;
pub mod records;
pub mod target;
