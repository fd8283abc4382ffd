//! Reading documents in a worker process, so that a parser which runs away costs one refusal,
//! not the app or the import.
//!
//! The engine's own budgets (file size, pages, inflated streams, HTML depth and elements) refuse
//! the hostile files we know of before the parsers see them. What no budget can promise is that
//! a third-party parser never aborts on a failed allocation (an abort cannot be caught) or
//! never loops: the PDF and HTML parsers are large and fed with untrusted bytes. So the
//! front ends read every file in a worker: the same binary started again with a hidden
//! argument, which limits its own address space ([`MEMORY_LIMIT_MB`]) and serves documents one
//! at a time over its standard input and output. The caller gives each document
//! [`TIME_LIMIT`]; a worker that overruns it is killed, one that dies is replaced, and either
//! way that document is refused with a sentence naming the limit and the import goes on.
//!
//! Workers are kept running between documents, so isolation costs a process start per worker,
//! not per document (BENCHMARKS.md).
//!
//! ```no_run
//! # use inspection_engine::worker::{Worker, WorkerCommand};
//! // In the binary's main, before anything else:
//! if WorkerCommand::is_this_process() {
//!     std::process::exit(inspection_engine::worker::serve());
//! }
//! // Anywhere a document is read:
//! let mut worker = Worker::new(WorkerCommand::this_binary().unwrap());
//! let bytes = std::fs::read("report.pdf").unwrap();
//! let (_kind, report) = worker.read(&bytes)?;
//! # Ok::<(), inspection_engine::Problem>(())
//! ```

use crate::error::Problem;
use crate::ingest::SourceKind;
use crate::model::Report;
use std::ffi::OsString;
use std::io::{self, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long one document may take to read. The slowest report in the national record reads in
/// well under a second; a document that takes this long is not a report being read.
pub const TIME_LIMIT: Duration = Duration::from_secs(8);

/// The address space a worker may use. Reading the largest report takes under 100 MB; an
/// allocation past this fails, and the worker with it, instead of the machine's memory.
pub const MEMORY_LIMIT_MB: u64 = 768;

/// What a worker answers for one document.
type Answer = Result<(SourceKind, Report), Problem>;

/// The argument that makes a front end's binary serve as a worker (checked first thing in its
/// `main`, before anything else starts).
pub const WORKER_ARG: &str = "--extract-worker";

/// How to start a worker: a program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

impl WorkerCommand {
    /// The running binary again, with [`WORKER_ARG`].
    pub fn this_binary() -> io::Result<WorkerCommand> {
        Ok(WorkerCommand {
            program: std::env::current_exe()?,
            args: vec![WORKER_ARG.into()],
        })
    }

    /// Whether this process was started as a worker (its first argument is [`WORKER_ARG`]).
    pub fn is_this_process() -> bool {
        std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG)
    }
}

/// The worker's side: limits its own memory, then answers documents from standard input until
/// it closes. Returns the process's exit code.
pub fn serve() -> i32 {
    limit_memory();
    let (mut input, mut output) = (io::stdin().lock(), io::stdout().lock());
    loop {
        let bytes = match read_frame(&mut input) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return 0,
            Err(_) => return 2,
        };
        let answer: Answer = crate::read_document(&bytes);
        let json = match serde_json::to_vec(&answer) {
            Ok(json) => json,
            Err(_) => return 2,
        };
        if write_frame(&mut output, &json).is_err() {
            return 2;
        }
    }
}

#[cfg(unix)]
fn limit_memory() {
    use rlimit::Resource;
    let wanted = MEMORY_LIMIT_MB * 1024 * 1024;
    // A lower limit set by whoever started us (`ulimit -v`) is kept.
    if let Ok((soft, hard)) = Resource::AS.get() {
        let limit = wanted.min(soft).min(hard);
        let _ = Resource::AS.set(limit, hard);
    }
}

#[cfg(not(unix))]
fn limit_memory() {
    // No address-space limit on this system: the time limit still ends a runaway reader.
}

/// A document as a frame: its length (8 bytes, little-endian), then its bytes.
fn write_frame(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)?;
    out.flush()
}

/// The next frame, or `None` at a clean end of input.
fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut length = [0u8; 8];
    match input.read_exact(&mut length) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let length = u64::from_le_bytes(length);
    // A frame is at most a file the ingest stage accepts, or its report as JSON.
    if length > 8 * crate::ingest::MAX_FILE_BYTES {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "frame too long"));
    }
    let mut bytes = vec![0u8; length as usize];
    input.read_exact(&mut bytes)?;
    Ok(Some(bytes))
}

/// One running worker process.
struct Running {
    child: Child,
    stdin: ChildStdin,
    /// Frames the worker wrote, read on a thread so the caller can wait with a deadline.
    answers: Receiver<io::Result<Vec<u8>>>,
}

impl Running {
    fn start(command: &WorkerCommand) -> io::Result<Running> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // The parsers' own complaints are not for the user: the refusal says what matters.
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = child.stdin.take().expect("stdin was piped");
        let stdout = child.stdout.take().expect("stdout was piped");
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                let frame = match read_frame(&mut stdout) {
                    Ok(Some(frame)) => Ok(frame),
                    Ok(None) => Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
                    Err(e) => Err(e),
                };
                let ended = frame.is_err();
                if send.send(frame).is_err() || ended {
                    break;
                }
            }
        });
        Ok(Running {
            child,
            stdin,
            answers,
        })
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A worker process that reads documents one at a time; it is started on first use and
/// replaced whenever a document kills it or overruns [`TIME_LIMIT`].
pub struct Worker {
    command: WorkerCommand,
    running: Option<Running>,
}

impl Worker {
    pub fn new(command: WorkerCommand) -> Worker {
        Worker {
            command,
            running: None,
        }
    }

    /// Reads a file in the worker: its report, or which file and what is wrong.
    pub fn read_file(&mut self, path: &std::path::Path) -> Result<Report, crate::FileError> {
        let bytes = crate::ingest::read_bounded(path)?;
        self.read(&bytes)
            .map(|(_, report)| report)
            .map_err(|problem| crate::FileError::new(path, problem))
    }

    /// Reads one document's bytes in the worker: its kind and report, or what is wrong.
    pub fn read(&mut self, bytes: &[u8]) -> Result<(SourceKind, Report), Problem> {
        let start =
            || Running::start(&self.command).map_err(|e| Problem::WorkerUnavailable(e.to_string()));
        let mut running = match self.running.take() {
            Some(running) => running,
            None => start()?,
        };
        if write_frame(&mut running.stdin, bytes).is_err() {
            // The worker had died since its last document: start another and try once more.
            running.stop();
            running = start()?;
            if write_frame(&mut running.stdin, bytes).is_err() {
                running.stop();
                return Err(Problem::ReaderStopped {
                    limit_mb: MEMORY_LIMIT_MB,
                });
            }
        }
        match running.answers.recv_timeout(TIME_LIMIT) {
            Ok(Ok(frame)) => match serde_json::from_slice::<Answer>(&frame) {
                Ok(answer) => {
                    self.running = Some(running);
                    answer
                }
                Err(e) => {
                    running.stop();
                    Err(Problem::ReaderFailed {
                        internal: format!("the worker's answer could not be read: {e}"),
                    })
                }
            },
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => {
                // It died on this document: an abort (a failed allocation past the memory
                // limit, most often) or a crash.
                running.stop();
                Err(Problem::ReaderStopped {
                    limit_mb: MEMORY_LIMIT_MB,
                })
            }
            Err(RecvTimeoutError::Timeout) => {
                running.stop();
                Err(Problem::TooSlow {
                    limit_s: TIME_LIMIT.as_secs(),
                })
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            // Closing its input ends the worker's loop; it is waited for so none is left behind.
            let Running {
                mut child, stdin, ..
            } = running;
            drop(stdin);
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_end_cleanly() {
        let mut buffer = Vec::new();
        write_frame(&mut buffer, b"one").unwrap();
        write_frame(&mut buffer, b"").unwrap();
        let mut input = &buffer[..];
        assert_eq!(read_frame(&mut input).unwrap(), Some(b"one".to_vec()));
        assert_eq!(read_frame(&mut input).unwrap(), Some(Vec::new()));
        assert_eq!(read_frame(&mut input).unwrap(), None);
    }

    fn shell(script: &str) -> Worker {
        Worker::new(WorkerCommand {
            program: PathBuf::from("sh"),
            args: vec!["-c".into(), script.into()],
        })
    }

    #[cfg(unix)]
    #[test]
    fn a_worker_that_dies_on_a_document_is_a_refusal_naming_the_budget() {
        let mut worker = shell("head -c 16 >/dev/null; kill -ABRT $$");
        assert_eq!(
            worker.read(b"%PDF-1.4 anything"),
            Err(Problem::ReaderStopped {
                limit_mb: MEMORY_LIMIT_MB
            })
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_worker_that_never_answers_is_stopped_at_the_time_limit() {
        let started = std::time::Instant::now();
        let mut worker = shell("cat >/dev/null");
        assert_eq!(
            worker.read(b"%PDF-1.4 anything"),
            Err(Problem::TooSlow {
                limit_s: TIME_LIMIT.as_secs()
            })
        );
        assert!(started.elapsed() < TIME_LIMIT + Duration::from_secs(2));
    }

    #[test]
    fn a_worker_that_cannot_start_is_a_refusal_not_a_panic() {
        let mut worker = Worker::new(WorkerCommand {
            program: PathBuf::from("/nonexistent/inspection-compare-worker"),
            args: Vec::new(),
        });
        assert!(matches!(
            worker.read(b"%PDF-1.4"),
            Err(Problem::WorkerUnavailable(_))
        ));
    }
}
