//! The JSONL loader: batches, broken lines by number, over-long lines, and a resume after an interruption
//! that writes every line exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use indsigt::ingest::jsonl::{BATCH_LINES, Checkpoint, Line, MAX_LINE_BYTES, Outcome, Sink, run};
use std::collections::BTreeMap;
use std::io::Cursor;

/// A store in memory: records by `id`, idempotent, and the checkpoint written with each batch. It can be
/// told to fail at its n-th batch, as a crash would.
#[derive(Default)]
struct Memory {
    records: BTreeMap<String, u64>,
    checkpoint: Option<Checkpoint>,
    batches: usize,
    fail_at: Option<usize>,
    largest_batch: usize,
}

impl Sink for Memory {
    type Error = String;
    fn write(&mut self, batch: &[Line], after: Checkpoint) -> Result<Vec<Outcome>, String> {
        self.batches += 1;
        if self.fail_at == Some(self.batches) {
            return Err("the disk is full".into());
        }
        self.largest_batch = self.largest_batch.max(batch.len());
        let mut out = Vec::new();
        for line in batch {
            let Some(id) = line.value.get("id").and_then(|v| v.as_str()) else {
                out.push(Outcome::Rejected {
                    code: "missing_id".into(),
                    message: "the record has no id".into(),
                });
                continue;
            };
            if self.records.contains_key(id) {
                out.push(Outcome::Duplicate);
            } else {
                self.records.insert(id.to_owned(), line.number);
                out.push(Outcome::Accepted);
            }
        }
        self.checkpoint = Some(after);
        Ok(out)
    }
}

fn file(lines: usize) -> String {
    (1..=lines)
        .map(|i| format!("{{\"id\":\"r{i}\"}}\n"))
        .collect()
}

#[test]
fn every_line_is_written_once_in_batches() {
    let text = file(2500);
    let mut sink = Memory::default();
    let mut seen = Vec::new();
    let tally = run(Cursor::new(&text), Checkpoint::default(), &mut sink, |o| {
        seen.push(o)
    })
    .unwrap();
    assert_eq!(
        (tally.accepted, tally.duplicates, tally.rejected),
        (2500, 0, 0)
    );
    assert_eq!(sink.records.len(), 2500);
    assert_eq!(sink.batches, 3);
    assert_eq!(sink.largest_batch, BATCH_LINES);
    assert_eq!(
        tally.end,
        Checkpoint {
            offset: text.len() as u64,
            line: 2500
        }
    );
    assert_eq!(seen.last(), Some(&(text.len() as u64)));
}

#[test]
fn broken_lines_are_reported_by_number_and_the_rest_goes_on() {
    let text =
        "{\"id\":\"a\"}\n{\"id\": \"b\"\n\n{\"no\":1}\r\n{\"id\":\"a\"}\n[1,2\n{\"id\":\"c\"}";
    let mut sink = Memory::default();
    let tally = run(Cursor::new(text), Checkpoint::default(), &mut sink, |_| {}).unwrap();
    assert_eq!(
        (tally.accepted, tally.duplicates, tally.rejected),
        (2, 1, 3)
    );
    let lines: Vec<(u64, &str)> = tally
        .rejections
        .iter()
        .map(|r| (r.line, r.code.as_str()))
        .collect();
    assert_eq!(lines, [(2, "not_json"), (4, "missing_id"), (6, "not_json")]);
    // The message says what is wrong without repeating the line (it may hold personal data).
    assert!(
        tally.rejections[0].message.contains("column"),
        "{:?}",
        tally.rejections[0]
    );
    assert!(!tally.rejections[0].message.contains("\"b\""));
    assert_eq!(tally.end.line, 7);
}

#[test]
fn an_over_long_line_is_skipped_by_number() {
    let long = format!(
        "{{\"id\":\"x\",\"pad\":\"{}\"}}\n",
        "p".repeat(MAX_LINE_BYTES)
    );
    let text = format!("{{\"id\":\"a\"}}\n{long}{{\"id\":\"b\"}}\n");
    let mut sink = Memory::default();
    let tally = run(Cursor::new(&text), Checkpoint::default(), &mut sink, |_| {}).unwrap();
    assert_eq!((tally.accepted, tally.rejected), (2, 1));
    assert_eq!(tally.rejections[0].line, 2);
    assert_eq!(tally.rejections[0].code, "line_too_long");
    assert_eq!(
        tally.end,
        Checkpoint {
            offset: text.len() as u64,
            line: 3
        }
    );
}

#[test]
fn a_run_stopped_midway_resumes_where_the_last_batch_ended() {
    let text = file(3500);
    let mut sink = Memory {
        fail_at: Some(3),
        ..Memory::default()
    };
    assert!(run(Cursor::new(&text), Checkpoint::default(), &mut sink, |_| {}).is_err());
    let stopped = sink.checkpoint.unwrap();
    assert_eq!(stopped.line, 2 * BATCH_LINES as u64);
    assert_eq!(sink.records.len(), 2 * BATCH_LINES);

    // Resume from the checkpoint, reading the file from that offset.
    sink.fail_at = None;
    let rest = &text.as_bytes()[stopped.offset as usize..];
    let tally = run(Cursor::new(rest), stopped, &mut sink, |_| {}).unwrap();
    assert_eq!(
        (tally.accepted, tally.duplicates),
        (1500, 0),
        "no line twice"
    );
    assert_eq!(sink.records.len(), 3500, "no line skipped");
    assert_eq!(
        sink.records["r2001"], 2001,
        "line numbers go on from the checkpoint"
    );
    assert_eq!(
        tally.end,
        Checkpoint {
            offset: text.len() as u64,
            line: 3500
        }
    );
}
