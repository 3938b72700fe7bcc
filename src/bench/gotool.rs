//! Real Go for `--vs-go`: finding the toolchain, building the benchmark file's test
//! binary once, running one benchmark at a time with it, and reading its lines.

use super::format::Measurement;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Finds `go`: the given path (the binary, or a GOROOT holding `bin/go`), else `$GO`,
/// else `go` on `PATH`, else what `shared/tools/install-go.sh` installs (looked for
/// beside every ancestor of the working directory, of `near`, and of this checkout).
pub fn find_go(given: Option<&Path>, near: &Path) -> Result<PathBuf, String> {
    if let Some(p) = given {
        for cand in [p.to_path_buf(), p.join("bin/go"), p.join("go")] {
            if cand.is_file() {
                return Ok(cand);
            }
        }
        return Err(format!("--vs-go: no go binary at {}", p.display()));
    }
    if let Some(go) = std::env::var_os("GO").filter(|g| !g.is_empty()) {
        return Ok(PathBuf::from(go));
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let cand = dir.join("go");
            if cand.is_file() {
                return Ok(cand);
            }
        }
    }
    let mut starts = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    if let Ok(abs) = std::path::absolute(near) {
        starts.push(abs);
    }
    starts.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    for start in starts {
        for dir in start.ancestors() {
            let script = dir.join("shared/tools/install-go.sh");
            if script.is_file() {
                let out = Command::new("bash")
                    .arg(&script)
                    .output()
                    .map_err(|e| format!("running {}: {e}", script.display()))?;
                if !out.status.success() {
                    return Err(format!(
                        "{} failed:\n{}",
                        script.display(),
                        String::from_utf8_lossy(&out.stderr)
                    ));
                }
                let go = String::from_utf8_lossy(&out.stdout).trim().to_string();
                return Ok(PathBuf::from(go));
            }
        }
    }
    Err("--vs-go: no Go toolchain: not on PATH, $GO unset, no shared/tools/install-go.sh".into())
}

/// A compiled `go test` binary for one benchmark file, removed on drop.
pub struct GoBench {
    dir: PathBuf,
    binary: PathBuf,
    pub version: String,
}

impl GoBench {
    /// `go test -c` on the file (in its own directory, as a user would run it), with
    /// `-gcflags=FLAGS` when given.
    pub fn build(go: &Path, file: &Path, gcflags: Option<&str>) -> Result<GoBench, String> {
        let file = std::path::absolute(file).map_err(|e| e.to_string())?;
        let dir = std::env::temp_dir().join(format!("deferlab-vs-go-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let binary = dir.join("bench.test");
        let cwd = file.parent().unwrap_or(Path::new("."));
        let mut cmd = Command::new(go);
        cmd.current_dir(cwd).args(["test", "-c", "-o"]).arg(&binary);
        if let Some(flags) = gcflags {
            cmd.arg(format!("-gcflags={flags}"));
        }
        let out = cmd
            .arg(&file)
            .output()
            .map_err(|e| format!("running {}: {e}", go.display()))?;
        if !out.status.success() {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(format!(
                "go test -c {} failed:\n{}{}",
                file.display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let version = Command::new(go)
            .arg("version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        Ok(GoBench {
            dir,
            binary,
            version,
        })
    }

    /// Runs the benchmarks `pattern` selects once (`-test.count 1`).
    pub fn run(
        &self,
        pattern: &str,
        benchtime: &str,
        benchmem: bool,
    ) -> Result<Vec<Measurement>, String> {
        let mut cmd = Command::new(&self.binary);
        cmd.args(["-test.run", "^$", "-test.bench", pattern]).args([
            "-test.benchtime",
            benchtime,
            "-test.count",
            "1",
        ]);
        if benchmem {
            cmd.arg("-test.benchmem");
        }
        let out = cmd.output().map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            return Err(format!(
                "go benchmark {pattern} failed:\n{text}{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(parse_lines(&text))
    }
}

impl Drop for GoBench {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Result lines of Go's benchmark output: `Name-P \t N \t X ns/op [\t B B/op \t A
/// allocs/op]`; other lines are skipped.
pub fn parse_lines(text: &str) -> Vec<Measurement> {
    let mut out = Vec::new();
    for line in text.lines() {
        if !line.starts_with("Benchmark") {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < 2 {
            continue;
        }
        let Ok(n) = fields[1].parse::<u64>() else {
            continue;
        };
        let mut m = Measurement {
            name: fields[0].to_string(),
            n,
            ns_per_op: f64::NAN,
            bytes_per_op: 0,
            allocs_per_op: 0,
            show_mem: false,
        };
        for f in &fields[2..] {
            let Some((value, unit)) = f.split_once(' ') else {
                continue;
            };
            let value = value.trim();
            match unit.trim() {
                "ns/op" => m.ns_per_op = value.parse().unwrap_or(f64::NAN),
                "B/op" => {
                    m.bytes_per_op = value.parse().unwrap_or(0);
                    m.show_mem = true;
                }
                "allocs/op" => m.allocs_per_op = value.parse().unwrap_or(0),
                _ => {}
            }
        }
        if !m.ns_per_op.is_nan() {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_lines;

    #[test]
    fn reads_go_lines() {
        let text = "goos: linux\nBenchmarkA-2         \t      10\t       123.1 ns/op\n\
                    BenchmarkLoop/defer_8-2\t  100\t  422.6 ns/op\t     192 B/op\t       8 allocs/op\nPASS\n";
        let ms = parse_lines(text);
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].name, "BenchmarkA-2");
        assert_eq!(ms[0].n, 10);
        assert_eq!(ms[0].ns_per_op, 123.1);
        assert_eq!(ms[1].name, "BenchmarkLoop/defer_8-2");
        assert_eq!((ms[1].bytes_per_op, ms[1].allocs_per_op), (192, 8));
    }
}
