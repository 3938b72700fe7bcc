//! Real Go, the oracle: finding it, and building programs with it. Programs are built
//! in batches, one package per program in one module (`go build -o DIR ./p1 ./p2 ...`
//! shares one toolchain start and uses both cores); the module says `go 1.27`, so the
//! language version (per-iteration loop variables) is the one the goldens use.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `$GO`, else `go` on `PATH`, else `../shared/tools/install-go.sh` (as
/// `scripts/goldens.sh` finds it).
pub fn find_go() -> Result<PathBuf, String> {
    if let Ok(go) = std::env::var("GO") {
        if !go.is_empty() {
            return Ok(PathBuf::from(go));
        }
    }
    if Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Ok(PathBuf::from("go"));
    }
    let install = testsuite::repo_root().join("../shared/tools/install-go.sh");
    let out = Command::new(&install).output().map_err(|e| {
        format!(
            "no Go: $GO unset, no go on PATH, {}: {e}",
            install.display()
        )
    })?;
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || path.is_empty() {
        return Err(format!("{} failed", install.display()));
    }
    Ok(PathBuf::from(path))
}

/// A module directory holding one package per program.
pub struct Module {
    pub dir: PathBuf,
    go: PathBuf,
}

impl Module {
    pub fn new(dir: &Path, go: &Path) -> std::io::Result<Module> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("go.mod"), "module difftest\n\ngo 1.27\n")?;
        Ok(Module {
            dir: dir.to_path_buf(),
            go: go.to_path_buf(),
        })
    }

    /// Where program `name`'s source lives (`NAME/main.go`).
    pub fn source(&self, name: &str) -> PathBuf {
        self.dir.join(name).join("main.go")
    }

    pub fn binary(&self, name: &str) -> PathBuf {
        self.dir.join("bin").join(name)
    }

    pub fn write(&self, name: &str, src: &str) -> std::io::Result<()> {
        let p = self.source(name);
        std::fs::create_dir_all(p.parent().expect("NAME/main.go has a parent"))?;
        std::fs::write(p, src)
    }

    /// Builds the named packages; returns, per name, `Ok(binary)` or `Err(go's
    /// errors)`. Go builds every package it can even when some fail.
    pub fn build(&self, names: &[String]) -> Vec<Result<PathBuf, String>> {
        for n in names {
            let _ = std::fs::remove_file(self.binary(n));
        }
        let mut cmd = Command::new(&self.go);
        cmd.current_dir(&self.dir)
            .args(["build", "-o", "bin/"])
            .args(names.iter().map(|n| format!("./{n}")))
            .env_remove("GOFLAGS")
            .env_remove("GOOS")
            .env_remove("GOARCH")
            .env_remove("GOEXPERIMENT")
            .env("GOTOOLCHAIN", "local");
        let log = match cmd.output() {
            Ok(o) => String::from_utf8_lossy(&o.stderr).into_owned(),
            Err(e) => format!("could not run {}: {e}", self.go.display()),
        };
        names
            .iter()
            .map(|n| {
                let bin = self.binary(n);
                if bin.exists() {
                    Ok(bin)
                } else {
                    Err(section(&log, n))
                }
            })
            .collect()
    }
}

/// Go's errors for package `name` (`# difftest/NAME` up to the next header), or the
/// whole log when there is no such section.
fn section(log: &str, name: &str) -> String {
    let header = format!("# difftest/{name}\n");
    match log.find(&header) {
        Some(i) => {
            let rest = &log[i + header.len()..];
            rest[..rest.find("\n# ").map_or(rest.len(), |j| j + 1)].to_string()
        }
        None => log.to_string(),
    }
}

/// Runs a built Go program as `scripts/goldens.sh` does (no GOTRACEBACK, GODEBUG or
/// GOMAXPROCS from the environment).
pub fn command(bin: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env_remove("GOTRACEBACK")
        .env_remove("GODEBUG")
        .env_remove("GOMAXPROCS");
    if let Some(dir) = bin.parent() {
        cmd.current_dir(dir);
    }
    cmd
}
