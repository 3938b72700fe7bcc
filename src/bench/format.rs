//! Go's benchmark output, byte for byte: the header lines, the name column, the
//! result line (`testing.BenchmarkResult.String` and `MemString`), and the machine
//! facts the header reports (`runtime.GOOS`, `GOARCH`, `sysinfo.CPUName`).

use serde::Serialize;

/// The package name `go test` prints for a benchmark file named on the command line.
pub const PKG: &str = "command-line-arguments";

/// One result line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measurement {
    /// The full name with the `-P` suffix: `BenchmarkLoop/defer_8-2`.
    pub name: String,
    /// Iterations (`b.N`).
    pub n: u64,
    pub ns_per_op: f64,
    pub bytes_per_op: u64,
    pub allocs_per_op: u64,
    /// Whether the line shows the memory columns (`-benchmem` or `b.ReportAllocs`).
    #[serde(skip)]
    pub show_mem: bool,
}

impl Measurement {
    /// The part after the name column: `BenchmarkResult.String()`, then
    /// `"\t" + MemString()` when the memory columns are shown.
    pub fn result_text(&self) -> String {
        let mut s = format!("{:8}", self.n);
        if self.ns_per_op != 0.0 {
            s.push('\t');
            s.push_str(&pretty_print(self.ns_per_op, "ns/op"));
        }
        if self.show_mem {
            s.push_str(&format!(
                "\t{:8} B/op\t{:8} allocs/op",
                self.bytes_per_op, self.allocs_per_op
            ));
        }
        s
    }
}

/// Go's `prettyPrint`: ten places before the decimal point, four significant digits
/// for small numbers, decimal points aligned.
pub fn pretty_print(x: f64, unit: &str) -> String {
    let y = x.abs();
    let (width, prec) = if y == 0.0 || y >= 999.95 {
        (10, 0)
    } else if y >= 99.995 {
        (12, 1)
    } else if y >= 9.9995 {
        (13, 2)
    } else if y >= 0.99995 {
        (14, 3)
    } else if y >= 0.099995 {
        (15, 4)
    } else if y >= 0.0099995 {
        (16, 5)
    } else if y >= 0.00099995 {
        (17, 6)
    } else {
        (18, 7)
    };
    if x.is_nan() {
        return format!("{:>width$} {unit}", "NaN");
    }
    format!("{x:width$.prec$} {unit}")
}

/// Go's `benchmarkName`: the `-P` suffix, omitted when `P` is 1.
pub fn benchmark_name(name: &str, procs: usize) -> String {
    if procs != 1 {
        format!("{name}-{procs}")
    } else {
        name.to_string()
    }
}

/// `GOMAXPROCS` as Go picks it: the `GOMAXPROCS` environment variable, else the CPUs
/// this process may use (affinity and cgroup quota included).
pub fn procs() -> usize {
    if let Some(n) = std::env::var("GOMAXPROCS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The header `testing` prints before the first result (`labelsOnce`). `go test`
/// with files on the command line has no import path, so there is no `pkg:` line.
pub fn header() -> String {
    let mut s = format!("goos: {}\ngoarch: {}\n", goos(), goarch());
    let cpu = cpu_name();
    if !cpu.is_empty() {
        s.push_str(&format!("cpu: {cpu}\n"));
    }
    s
}

pub fn goos() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    }
}

pub fn goarch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "x86" => "386",
        "aarch64" => "arm64",
        "powerpc64" => "ppc64",
        "loongarch64" => "loong64",
        arch => arch,
    }
}

/// Go's `sysinfo.CPUName`: the CPUID brand string, else `model name` from
/// `/proc/cpuinfo` (with `cpu MHz` appended when the name lacks a frequency).
pub fn cpu_name() -> String {
    let brand = cpuid_brand();
    if !brand.is_empty() {
        return brand;
    }
    proc_cpuinfo_name()
}

#[cfg(target_arch = "x86_64")]
fn cpuid_brand() -> String {
    use std::arch::x86_64::__cpuid;
    // CPUID exists on every x86-64 processor.
    let max = __cpuid(0x8000_0000).eax;
    if max < 0x8000_0004 {
        return String::new();
    }
    let mut data = Vec::with_capacity(48);
    for leaf in 0x8000_0002u32..=0x8000_0004 {
        let r = __cpuid(leaf);
        for w in [r.eax, r.ebx, r.ecx, r.edx] {
            data.extend_from_slice(&w.to_le_bytes());
        }
    }
    let start = data.iter().position(|&c| c != b' ').unwrap_or(data.len());
    let data = &data[start..];
    let end = data.iter().position(|&c| c == 0).unwrap_or(data.len());
    String::from_utf8_lossy(&data[..end]).into_owned()
}

#[cfg(not(target_arch = "x86_64"))]
fn cpuid_brand() -> String {
    String::new()
}

fn proc_cpuinfo_name() -> String {
    let Ok(text) = std::fs::read("/proc/cpuinfo") else {
        return String::new();
    };
    // Go reads the first 512 bytes (enough for CPU 0).
    let text = String::from_utf8_lossy(&text[..text.len().min(512)]).into_owned();
    let (mut model, mut mhz) = (String::new(), String::new());
    for line in text.lines() {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        match key.trim() {
            "Model Name" | "model name" => model = value.to_string(),
            "CPU MHz" | "cpu MHz" => mhz = value.to_string(),
            _ => {}
        }
    }
    if model.is_empty() || mhz.is_empty() || model.contains("GHz") || model.contains("MHz") {
        return model;
    }
    format!("{model} @ {mhz}MHz")
}

/// Parses Go's `-benchtime`: `Nx` (a count, N >= 1) or a duration as
/// `time.ParseDuration` reads it (`1s`, `100ms`, `1.5s`, `1m30s`; must be positive).
pub fn parse_benchtime(s: &str) -> Result<codegen::runtime::testing::BenchTime, String> {
    use codegen::runtime::testing::BenchTime;
    if let Some(n) = s.strip_suffix('x') {
        return match n.parse::<u64>() {
            Ok(n) if n > 0 => Ok(BenchTime::Count(n)),
            _ => Err(format!(
                "invalid value {s:?} for flag -benchtime: invalid count"
            )),
        };
    }
    match parse_duration(s) {
        Some(d) if !d.is_zero() => Ok(BenchTime::Duration(d)),
        _ => Err(format!(
            "invalid value {s:?} for flag -benchtime: invalid duration"
        )),
    }
}

/// `time.ParseDuration` for non-negative durations.
fn parse_duration(s: &str) -> Option<std::time::Duration> {
    if s == "0" {
        return Some(std::time::Duration::ZERO);
    }
    let mut rest = s.strip_prefix('+').unwrap_or(s);
    if rest.is_empty() {
        return None;
    }
    let mut total = 0f64;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let scale = match &rest[..unit_len] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[unit_len..];
        total += num * scale;
    }
    Some(std::time::Duration::from_nanos(total.round() as u64))
}

/// Formats a `-benchtime` back as Go's flag prints it (for JSON).
pub fn benchtime_text(t: codegen::runtime::testing::BenchTime) -> String {
    match t {
        codegen::runtime::testing::BenchTime::Count(n) => format!("{n}x"),
        codegen::runtime::testing::BenchTime::Duration(d) => format!("{d:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codegen::runtime::testing::BenchTime;
    use std::time::Duration;

    #[test]
    fn pretty_print_matches_go() {
        assert_eq!(pretty_print(5483.0, "ns/op"), "      5483 ns/op");
        assert_eq!(pretty_print(123.1, "ns/op"), "       123.1 ns/op");
        assert_eq!(pretty_print(56.1, "ns/op"), "        56.10 ns/op");
        assert_eq!(pretty_print(2.0, "ns/op"), "         2.000 ns/op");
        assert_eq!(pretty_print(0.5, "ns/op"), "         0.5000 ns/op");
        assert_eq!(pretty_print(f64::NAN, "ns/op"), "               NaN ns/op");
    }

    #[test]
    fn result_line_matches_go() {
        let m = Measurement {
            name: String::new(),
            n: 10,
            ns_per_op: 148.3,
            bytes_per_op: 8,
            allocs_per_op: 1,
            show_mem: true,
        };
        assert_eq!(
            m.result_text(),
            "      10\t       148.3 ns/op\t       8 B/op\t       1 allocs/op"
        );
    }

    #[test]
    fn benchtime_flag() {
        assert_eq!(parse_benchtime("100x"), Ok(BenchTime::Count(100)));
        assert_eq!(
            parse_benchtime("1.5s"),
            Ok(BenchTime::Duration(Duration::from_millis(1500)))
        );
        assert_eq!(
            parse_benchtime("1m30s"),
            Ok(BenchTime::Duration(Duration::from_secs(90)))
        );
        assert!(parse_benchtime("0x").is_err());
        assert!(parse_benchtime("0s").is_err());
        assert!(parse_benchtime("5").is_err());
        assert!(parse_benchtime("1y").is_err());
    }
}
