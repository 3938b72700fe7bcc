//! Running a program (real Go's binary, or deferlab in a child process) with a time
//! bound, and comparing two runs the way the sample programs' goldens are compared.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run printed and how it ended. `stderr` is normalised
/// (`testsuite::normalise_stderr`, the goldens' rule).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outcome {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Status {
    Exit(i32),
    Signal(String),
    Timeout,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exit(c) => write!(f, "exit status {c}"),
            Status::Signal(s) => write!(f, "killed: {s}"),
            Status::Timeout => write!(f, "timed out"),
        }
    }
}

/// Runs `cmd` with no stdin, collecting both streams, killed after `limit`.
pub fn run(mut cmd: Command, limit: Duration) -> Outcome {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                status: Status::Signal(format!("could not start: {e}")),
                stdout: Vec::new(),
                stderr: Vec::new(),
            }
        }
    };
    // Drain the pipes on threads so a chatty program cannot block on a full pipe.
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => {
                break match s.code() {
                    Some(c) => Status::Exit(c),
                    None => Status::Signal(format!("{s}")),
                }
            }
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Status::Timeout;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => break Status::Signal(format!("wait failed: {e}")),
        }
    };
    Outcome {
        status,
        stdout: t_out.join().unwrap_or_default(),
        stderr: testsuite::normalise_stderr(&t_err.join().unwrap_or_default()),
    }
}

/// How deferlab's run differs from Go's; the reducer keeps a candidate only if it
/// differs the same way.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// deferlab rejected a program Go accepts.
    Rejected,
    /// deferlab's pipeline or verifier failed.
    InternalError,
    /// deferlab crashed or hung.
    Crash,
    /// Both ran; stdout, stderr or the exit status differ.
    Output,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Rejected => "rejected",
            Kind::InternalError => "internal-error",
            Kind::Crash => "crash",
            Kind::Output => "output",
        }
    }
}

/// `None` when the runs match.
pub fn classify(go: &Outcome, ours: &Outcome, file: &str) -> Option<Kind> {
    if go == ours {
        return None;
    }
    let err = String::from_utf8_lossy(&ours.stderr);
    Some(if err.contains("internal compiler error") {
        Kind::InternalError
    } else if !matches!(ours.status, Status::Exit(_)) {
        Kind::Crash
    } else if ours.status == Status::Exit(1)
        && ours.stdout.is_empty()
        && err.starts_with(&format!("{file}:"))
    {
        Kind::Rejected
    } else {
        Kind::Output
    })
}

/// A readable account of the difference: status, then unified diffs of the streams.
pub fn describe(go: &Outcome, ours: &Outcome) -> String {
    let mut s = String::new();
    if go.status != ours.status {
        s += &format!("status: go {}, deferlab {}\n", go.status, ours.status);
    }
    for (name, a, b) in [
        ("stdout", &go.stdout, &ours.stdout),
        ("stderr", &go.stderr, &ours.stderr),
    ] {
        if a != b {
            let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            s += &format!("{name} differs:\n");
            s += &similar::TextDiff::from_lines(a.as_ref(), b.as_ref())
                .unified_diff()
                .context_radius(3)
                .header("go", "deferlab")
                .to_string();
        }
    }
    s
}
