//! A first full load: a system's export, one JSON object a line, streamed through the same validation as
//! the HTTP ingest, in batches, resumable after an interruption.
//!
//! Memory does not grow with the file: one line buffer, one batch of parsed lines, and the first
//! [`KEPT_REJECTIONS`] rejections are held at a time. Each batch is written together with the checkpoint
//! after it (the sink does both in one transaction), so a run that is stopped at any point resumes exactly
//! where the last written batch ended: no line is written twice and none is skipped.

use std::io::{BufRead, Read};

/// Lines per batch (and per transaction).
pub const BATCH_LINES: usize = 1000;
/// The longest line taken, in bytes; a longer one is rejected by its number, and the run goes on.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// How many rejections are kept with their line numbers for the summary; the rest are only counted.
pub const KEPT_REJECTIONS: usize = 1000;

/// Where a run is: the byte offset and the number of the next line to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Checkpoint {
    pub offset: u64,
    pub line: u64,
}

/// One line of the file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based, as an editor shows it.
    pub number: u64,
    pub value: serde_json::Value,
}

/// What became of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    Duplicate,
    /// Refused, with a machine code and a sentence for the operator (no personal data).
    Rejected {
        code: String,
        message: String,
    },
}

/// Where the batches go: the store, behind the same checks as the HTTP ingest.
pub trait Sink {
    type Error;
    /// Writes `batch` and records `after` as the run's checkpoint, both or neither. Answers one outcome a
    /// line, in order.
    fn write(&mut self, batch: &[Line], after: Checkpoint) -> Result<Vec<Outcome>, Self::Error>;
}

/// A rejected line, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub line: u64,
    pub code: String,
    pub message: String,
}

/// The counts of a run (of this run only, when it resumed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub accepted: u64,
    pub duplicates: u64,
    pub rejected: u64,
    /// The first [`KEPT_REJECTIONS`] rejections, with their line numbers.
    pub rejections: Vec<Rejection>,
    /// Where the run ended: the whole file, when it finished.
    pub end: Checkpoint,
}

impl Tally {
    fn count(&mut self, line: u64, outcome: Outcome) {
        match outcome {
            Outcome::Accepted => self.accepted += 1,
            Outcome::Duplicate => self.duplicates += 1,
            Outcome::Rejected { code, message } => self.reject(line, code, message),
        }
    }

    fn reject(&mut self, line: u64, code: String, message: String) {
        self.rejected += 1;
        if self.rejections.len() < KEPT_REJECTIONS {
            self.rejections.push(Rejection {
                line,
                code,
                message,
            });
        }
    }
}

/// Why a run stopped before the end of the file.
#[derive(Debug, thiserror::Error)]
pub enum RunError<E> {
    #[error("reading the file failed at line {line}: {source}")]
    Read {
        line: u64,
        #[source]
        source: std::io::Error,
    },
    #[error("writing a batch failed")]
    Sink(E),
    /// The sink answered a different number of outcomes than lines (a bug in the sink).
    #[error("the store answered {got} outcomes for {sent} lines")]
    Mismatch { sent: usize, got: usize },
}

/// Reads `input` from `start` (which must be a checkpoint of the same file) to its end, writing every
/// [`BATCH_LINES`] lines to `sink`. `progress` is told the byte offset after each batch.
pub fn run<R, S>(
    input: R,
    start: Checkpoint,
    sink: &mut S,
    mut progress: impl FnMut(u64),
) -> Result<Tally, RunError<S::Error>>
where
    R: BufRead,
    S: Sink,
{
    let mut reader = input;
    let mut tally = Tally {
        end: start,
        ..Tally::default()
    };
    let mut at = start;
    let mut batch: Vec<Line> = Vec::with_capacity(BATCH_LINES);
    let mut buf: Vec<u8> = Vec::new();
    loop {
        buf.clear();
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|source| RunError::Read {
                line: at.line + 1,
                source,
            })?;
        if read == 0 {
            break;
        }
        let mut consumed = read as u64;
        let number = at.line + 1;
        if buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            // Too long: skip to the end of this line, and say so by its number.
            consumed += skip_line(&mut reader).map_err(|source| RunError::Read {
                line: number,
                source,
            })?;
            tally.reject(
                number,
                "line_too_long".into(),
                format!("the line is longer than {MAX_LINE_BYTES} bytes"),
            );
        } else {
            let text = trim_line(&buf);
            if !text.iter().all(u8::is_ascii_whitespace) {
                match serde_json::from_slice::<serde_json::Value>(text) {
                    Ok(value) => batch.push(Line { number, value }),
                    Err(e) => tally.reject(
                        number,
                        "not_json".into(),
                        format!("not a JSON object: {}", json_problem(&e)),
                    ),
                }
            }
        }
        at = Checkpoint {
            offset: at.offset + consumed,
            line: number,
        };
        if batch.len() == BATCH_LINES {
            flush(sink, &mut batch, at, &mut tally)?;
            progress(at.offset);
        }
    }
    flush(sink, &mut batch, at, &mut tally)?;
    progress(at.offset);
    tally.rejections.sort_by_key(|r| r.line);
    Ok(tally)
}

/// Writes the batch (even an empty one, so the checkpoint moves past broken lines) and counts it.
fn flush<S: Sink>(
    sink: &mut S,
    batch: &mut Vec<Line>,
    after: Checkpoint,
    tally: &mut Tally,
) -> Result<(), RunError<S::Error>> {
    if batch.is_empty() && after == tally.end {
        return Ok(());
    }
    let outcomes = sink.write(batch, after).map_err(RunError::Sink)?;
    if outcomes.len() != batch.len() {
        return Err(RunError::Mismatch {
            sent: batch.len(),
            got: outcomes.len(),
        });
    }
    for (line, outcome) in batch.drain(..).zip(outcomes) {
        tally.count(line.number, outcome);
    }
    tally.end = after;
    Ok(())
}

/// Reads and drops the rest of an over-long line; answers how many bytes that was.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(skipped + i as u64 + 1);
            }
            None => {
                let n = chunk.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// The line without its `\n` or `\r\n`.
fn trim_line(buf: &[u8]) -> &[u8] {
    let buf = buf.strip_suffix(b"\n").unwrap_or(buf);
    buf.strip_suffix(b"\r").unwrap_or(buf)
}

/// serde_json's complaint without the input (which may hold personal data): its kind and column.
fn json_problem(e: &serde_json::Error) -> String {
    let kind = match e.classify() {
        serde_json::error::Category::Io => "read error",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "wrong data",
        serde_json::error::Category::Eof => "cut off",
    };
    format!("{kind} at column {}", e.column())
}
