//! Read-aloud through espeak-ng (or a program that takes its options), run by the effect runner off the
//! render loop. One utterance at a time: a new one or a stop ends the one before. What is said is held
//! in memory only, zeroized when it has been handed over, and never logged.

use crate::domain::Lang;
use crate::kiosk::speech::SpeechFault;
use crate::kiosk::{Msg, Utterance};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Mutex;
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc::UnboundedSender;
use tokio::sync::oneshot;
use zeroize::Zeroizing;

/// Where the speech goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The kiosk's sound device.
    Device,
    /// A WAV file (espeak-ng's `-w`), for tests.
    Wav(PathBuf),
}

/// How the kiosk speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechOptions {
    /// Off: the key says read-aloud is not available.
    pub enabled: bool,
    pub program: String,
    /// The sound goes only to a headset, so personal data may be said.
    pub private_audio: bool,
    pub output: Output,
}

/// espeak-ng's voice for a language.
pub fn voice(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da",
        Lang::En => "en-gb",
    }
}

/// The speech program with its options for `lang` at `words_per_minute`; the text comes on stdin.
pub fn command(
    options: &SpeechOptions,
    lang: Lang,
    words_per_minute: u16,
) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(&options.program);
    cmd.args(["-v", voice(lang), "-s", &words_per_minute.to_string()]);
    if let Output::Wav(path) = &options.output {
        cmd.arg("-w").arg(path);
    }
    cmd.arg("--stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    cmd
}

/// Says `text` to the end, or until `stop` fires.
pub async fn say(
    options: &SpeechOptions,
    lang: Lang,
    words_per_minute: u16,
    text: Zeroizing<String>,
    stop: oneshot::Receiver<()>,
) -> Result<(), SpeechFault> {
    if !options.enabled {
        return Err(SpeechFault::Unavailable);
    }
    let mut child = command(options, lang, words_per_minute)
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                SpeechFault::Unavailable
            }
            _ => SpeechFault::Failed,
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        // A program that exits early closes its end; that shows in its exit status below.
        let _ = stdin.write_all(text.as_bytes()).await;
        drop(stdin);
    }
    drop(text);
    tokio::select! {
        status = child.wait() => match status {
            Ok(s) if s.success() => Ok(()),
            _ => Err(SpeechFault::Failed),
        },
        _ = stop => {
            let _ = child.kill().await;
            Ok(())
        }
    }
}

/// The kiosk's voice: starts and stops utterances, and reports each end as `Msg::Spoken`.
pub struct Speaker {
    pub options: SpeechOptions,
    current: Mutex<Option<oneshot::Sender<()>>>,
}

impl Speaker {
    pub fn new(options: SpeechOptions) -> Speaker {
        Speaker {
            options,
            current: Mutex::new(None),
        }
    }

    /// Says `sentences` for utterance `u`, after stopping whatever is being said.
    pub fn speak(&self, u: Utterance, sentences: Vec<String>, tx: UnboundedSender<Msg>) {
        self.stop();
        let (stop_tx, stop_rx) = oneshot::channel();
        *self.current.lock().unwrap_or_else(|p| p.into_inner()) = Some(stop_tx);
        let text = Zeroizing::new(sentences.join(".\n"));
        let mut sentences = sentences;
        for s in &mut sentences {
            zeroize::Zeroize::zeroize(s);
        }
        let options = self.options.clone();
        tokio::spawn(async move {
            let result = say(&options, u.lang, u.words_per_minute, text, stop_rx).await;
            if let Err(fault) = result {
                tracing::warn!(error = %fault, "read-aloud could not speak");
            }
            let _ = tx.send(Msg::Spoken {
                id: u.id,
                result,
                at: jiff::Timestamp::now(),
            });
        });
    }

    /// Stops what is being said, if anything.
    pub fn stop(&self) {
        if let Some(tx) = self
            .current
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        {
            let _ = tx.send(());
        }
    }
}
