//! `deferlab ir --html` in a real browser: the page for `examples/tour.go` is opened in
//! headless Chromium through chromedriver (WebDriver, JSON over HTTP); the test checks
//! that the columns render, that clicking a value highlights it and its uses in every
//! column (and a second click clears them), and that clicking a `line:col` finds the
//! source line. It saves a screenshot to `target/`; with `DEFERLAB_UPDATE_SCREENSHOT=1`
//! also to `docs/ir-html.png`, the picture the README shows.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without
//! them the test says so and passes, unless `DEFERLAB_REQUIRE_BROWSER=1` (CI sets it).

use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use testsuite::repo_root;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver process with one browser session; both end when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
}

impl Browser {
    fn start(chromium: &str, chromedriver: &str) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = ureq::get(&format!("{base}/status"))
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let user_data = std::env::temp_dir().join(format!("deferlab-chromium-{port}"));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1000",
                    format!("--user-data-dir={}", user_data.display()),
                ]
            }
        }}});
        let mut b = Browser {
            driver,
            base,
            session: String::new(),
        };
        let v = b.post("/session", caps);
        b.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        b
    }

    fn url(&self, path: &str) -> String {
        if self.session.is_empty() {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        }
    }

    /// POSTs a WebDriver command and returns its `value`.
    fn post(&self, path: &str, body: Value) -> Value {
        let mut resp = ureq::post(&self.url(path))
            .config()
            .http_status_as_error(false)
            .build()
            .send_json(&body)
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        let v: Value = resp.body_mut().read_json().expect("JSON reply");
        assert!(
            v["value"].get("error").is_none(),
            "POST {path} failed: {}",
            v["value"]
        );
        v["value"].clone()
    }

    fn get(&self, path: &str) -> Value {
        let mut resp = ureq::get(&self.url(path))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let v: Value = resp.body_mut().read_json().expect("JSON reply");
        v["value"].clone()
    }

    fn script(&self, body: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": body, "args": args}))
    }

    fn find(&self, css: &str) -> String {
        let v = self.post("/element", json!({"using": "css selector", "value": css}));
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    /// A real click (WebDriver scrolls the element into view and sends mouse events).
    fn click(&self, css: &str) {
        let id = self.find(css);
        self.post(&format!("/element/{id}/click"), json!({}));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = ureq::delete(&self.url("")).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn tool(env: &str, default: &str) -> Option<String> {
    let path = std::env::var(env).unwrap_or_else(|_| default.to_string());
    Path::new(&path).exists().then_some(path)
}

/// The page for `examples/tour.go`, written under the target directory.
fn tour_page() -> PathBuf {
    let file = "examples/tour.go";
    let src = std::fs::read_to_string(repo_root().join(file)).expect("tour.go");
    let cfg = deferlab::Config {
        record_snapshots: true,
        ..Default::default()
    };
    let compiled =
        deferlab::compile(file, &src, deferlab::Mode::Run, &cfg).expect("tour.go compiles");
    let hist = deferlab::irview::history(&compiled.report.snapshots);
    let page = deferlab::irview::html::render(file, &src, &hist);
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tour-ir.html");
    std::fs::write(&out, page).expect("write page");
    out
}

#[test]
fn page_renders_and_a_click_highlights_uses_in_every_column() {
    let (Some(chromium), Some(driver)) = (
        tool("CHROMIUM", CHROMIUM),
        tool("CHROMEDRIVER", CHROMEDRIVER),
    ) else {
        assert!(
            std::env::var_os("DEFERLAB_REQUIRE_BROWSER").is_none(),
            "DEFERLAB_REQUIRE_BROWSER is set but chromium/chromedriver are missing"
        );
        eprintln!("skipped: install Debian's chromium and chromium-driver to run this test");
        return;
    };
    let page = tour_page();
    let b = Browser::start(&chromium, &driver);
    b.post(
        "/url",
        json!({"url": format!("file://{}", page.canonicalize().unwrap().display())}),
    );

    // The columns render: main has a column after lowering and one per changing pass,
    // side by side, with visible text.
    let layout = b.script(
        "const cols = [...document.querySelectorAll('section.func[data-func=\"main\"] .col')];
         return cols.map(c => { const r = c.getBoundingClientRect();
           return {pass: c.dataset.pass || c.dataset.passes, x: r.left, w: r.width,
                   h: r.height, lines: c.querySelectorAll('.line').length}; });",
        json!([]),
    );
    let cols = layout.as_array().expect("columns");
    assert!(
        cols.len() >= 2,
        "main should have at least two columns: {layout}"
    );
    assert_eq!(cols[0]["pass"], "start");
    for c in cols {
        assert!(c["w"].as_f64().unwrap() > 50.0, "column not rendered: {c}");
        assert!(c["h"].as_f64().unwrap() > 20.0, "column not rendered: {c}");
    }
    assert!(
        cols[1]["x"].as_f64() > cols[0]["x"].as_f64(),
        "columns side by side"
    );
    assert!(cols[0]["lines"].as_u64().unwrap() > 10);

    // Pick a value defined in main after lowering that every later column still has.
    let key = b.script(
        "const sec = document.querySelector('section.func[data-func=\"main\"]');
         const cols = [...sec.querySelectorAll('.col[data-pass]')];
         const has = (c, k) => c.querySelector('.t[data-t=\"' + k + '\"]') !== null;
         for (const t of cols[0].querySelectorAll('.t')) {
           const k = t.dataset.t;
           if (/^v\\d+$/.test(k) && cols.every(c => has(c, k))
               && cols[0].querySelectorAll('.t[data-t=\"' + k + '\"]').length > 1) return k;
         }
         return null;",
        json!([]),
    );
    let key = key
        .as_str()
        .expect("a value used in every column")
        .to_string();
    let state = |b: &Browser| {
        b.script(
            "const els = [...document.querySelectorAll(
               'section.func[data-func=\"main\"] .t[data-t=\"' + arguments[0] + '\"]')];
             const lit = els.filter(e => e.classList.contains('hl0'));
             const cols = new Set(lit.map(e => e.closest('.col').dataset.pass));
             return {all: els.length, lit: lit.length, cols: cols.size,
                     bg: lit.length ? getComputedStyle(lit[0]).backgroundColor : null};",
            json!([key]),
        )
    };
    let before = state(&b);
    assert_eq!(
        before["lit"], 0,
        "nothing highlighted before a click: {before}"
    );

    b.click(&format!(
        "section.func[data-func=\"main\"] .col[data-pass=\"start\"] .t[data-t=\"{key}\"]"
    ));
    let after = state(&b);
    assert_eq!(after["lit"], after["all"], "every use highlighted: {after}");
    assert_eq!(
        after["cols"].as_u64().unwrap() as usize,
        cols.iter()
            .filter(|c| c["lines"].as_u64() > Some(0))
            .count(),
        "highlighted in every column: {after}"
    );
    assert_ne!(
        after["bg"], "rgba(0, 0, 0, 0)",
        "highlight is visible: {after}"
    );

    // The screenshot shows the highlight.
    b.script(
        "document.querySelector('section.func[data-func=\"main\"]').scrollIntoView();",
        json!([]),
    );
    let png = b.get("/screenshot");
    let png = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        png.as_str().expect("base64 PNG"),
    )
    .expect("decodes");
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("ir-html.png"),
        &png,
    )
    .unwrap();
    if std::env::var_os("DEFERLAB_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(repo_root().join("docs/ir-html.png"), &png).unwrap();
    }

    b.click(&format!(
        "section.func[data-func=\"main\"] .col[data-pass=\"start\"] .t[data-t=\"{key}\"]"
    ));
    assert_eq!(state(&b)["lit"], 0, "a second click clears the highlight");

    // A click on a position comment highlights the source line.
    b.click("section.func[data-func=\"main\"] .col[data-pass=\"start\"] .loc");
    let line = b.script(
        "const l = document.querySelector('.sl.hl'); return l ? l.id : null;",
        json!([]),
    );
    assert!(
        line.as_str().is_some_and(|id| id.starts_with('L')),
        "source line highlighted: {line}"
    );
}
