//! Launching the real app under tauri-driver and reading its page.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a step may take before the test fails: generous, as CI machines are slow and the
/// debug build of the app reads PDFs.
pub const PATIENCE: Duration = Duration::from_secs(60);

pub fn corpus() -> PathBuf {
    let dir = std::env::var_os("INSPECTION_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("expected.json").is_file(),
        "the corpus is missing at {}: put shared/corpus beside the repository or set INSPECTION_CORPUS",
        dir.display()
    );
    dir
}

/// Hertfordshire 2013 (the seed text) and 2018 (PDF): the pair the acceptance tests name.
pub fn herts_pair() -> [PathBuf; 2] {
    let corpus = corpus();
    [
        corpus.join("seeds/004_f6169653f68880f1.txt"),
        corpus.join("reports/hertfordshire_2018-11-19.pdf"),
    ]
}

/// Where screenshots go: `target/screenshots` on every run (tests never rewrite tracked
/// files), or `docs/screenshots`, where the README shows them, when
/// `scripts/refresh-screenshots.sh` asks for it (`INSPECTION_COMPARE_SCREENSHOTS=docs`).
pub fn screenshot_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = match std::env::var("INSPECTION_COMPARE_SCREENSHOTS").as_deref() {
        Ok("docs") => root.join("docs/screenshots"),
        _ => root.join("target/screenshots"),
    };
    std::fs::create_dir_all(&dir).expect("the screenshot folder can be created");
    dir
}

/// Fails the test when a WebDriver call does not answer: without this a stuck call would hang
/// the test run instead of failing it.
pub async fn within<T>(what: &str, work: impl std::future::Future<Output = T>) -> T {
    match tokio::time::timeout(PATIENCE, work).await {
        Ok(value) => value,
        Err(_) => panic!("no answer from the app within {PATIENCE:?}: {what}"),
    }
}

/// The command-line tool, built beside the app by the workspace build that precedes these tests.
pub fn cli_binary() -> PathBuf {
    let app = PathBuf::from(env!("CARGO_BIN_EXE_inspection-compare"));
    let cli = app.with_file_name("inspection-compare-cli");
    assert!(
        cli.is_file(),
        "{} is missing: run `cargo build --workspace` first (scripts/test-all.sh does)",
        cli.display()
    );
    cli
}

/// Runs the command-line tool on the library in `dir` (`App::library_in`), which must succeed:
/// how tests fill a library before the app opens it.
pub fn cli_in(dir: &tempfile::TempDir, args: &[&std::ffi::OsStr]) {
    let output = Command::new(cli_binary())
        .arg("--db")
        .arg(App::library_in(dir))
        .args(args)
        .output()
        .expect("the command-line tool runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Two different free local ports: both are held until both are known, so the kernel cannot
/// hand out one twice (tauri-driver and WebKitWebDriver on one port: "Unable to listen").
fn free_ports() -> (u16, u16) {
    let listen = || TcpListener::bind("127.0.0.1:0").expect("a free local port");
    let (a, b) = (listen(), listen());
    let port = |l: &TcpListener| l.local_addr().expect("a local address").port();
    (port(&a), port(&b))
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(path) if path.is_file() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// The running app: a tauri-driver (which starts WebKitWebDriver, which starts the app) and a
/// WebDriver session on it. The library is a new one in a temporary folder.
pub struct App {
    pub client: Client,
    driver: Child,
    /// The app's library (a new one), for tests that also write to it from outside.
    pub db: PathBuf,
    /// Holds the new library; deleted when the test ends.
    library: Option<tempfile::TempDir>,
}

impl App {
    /// Launches `inspection-compare --db <new library> FILE...`.
    pub async fn launch(files: &[PathBuf]) -> App {
        App::launch_with_library(None, files).await
    }

    /// Launches on a library file that holds `content` before the app starts (a damaged one,
    /// say), or a new library when `None`.
    pub async fn launch_with_library(content: Option<&[u8]>, files: &[PathBuf]) -> App {
        let dir = tempfile::tempdir().expect("a temporary folder");
        if let Some(content) = content {
            std::fs::write(Self::library_in(&dir), content)
                .expect("the library file can be written");
        }
        App::launch_in(dir, files, &[]).await
    }

    /// The library file the app is given in `dir`.
    pub fn library_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("library.db")
    }

    /// Launches on the library in `dir` (see `library_in`), with extra environment variables
    /// for the app (`GTK_THEME=Adwaita:dark` for the dark appearance).
    pub async fn launch_in(dir: tempfile::TempDir, files: &[PathBuf], env: &[(&str, &str)]) -> App {
        let db = Self::library_in(&dir);
        App::launch_on(db, Some(dir), files, env).await
    }

    /// Launches on the library file `db` (kept after the test: a benchmark's library), or in
    /// `dir`, which is deleted when the test ends.
    pub async fn launch_on(
        db: PathBuf,
        dir: Option<tempfile::TempDir>,
        files: &[PathBuf],
        env: &[(&str, &str)],
    ) -> App {
        let mut args = vec!["--db".to_string(), db.display().to_string()];
        args.extend(files.iter().map(|f| f.display().to_string()));

        let (port, native_port) = free_ports();
        let mut command = Command::new(tauri_driver());
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        // Its own process group, so dropping the App stops WebKitWebDriver and the app too.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .spawn()
            .expect("tauri-driver runs (cargo install tauri-driver --locked)");

        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not start listening"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": env!("CARGO_BIN_EXE_inspection-compare"), "args": args }),
        );
        // On a cold machine the first WebKitWebDriver can drop the first session request
        // (an incomplete reply while it starts): ask again until the deadline.
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("e2e: no WebDriver session yet ({e}); asking again");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("a WebDriver session with the app: {e:?}"),
            }
        };
        let app = App {
            client,
            driver,
            db,
            library: dir,
        };
        // The shell is drawn once the tabs are there.
        app.find("#nav-library").await;
        app
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        within(css, self.client.find_all(Locator::Css(css)))
            .await
            .unwrap_or_else(|e| panic!("finding {css} failed: {e}"))
    }

    pub async fn click(&self, css: &str) {
        within(css, self.find(css).await.click())
            .await
            .unwrap_or_else(|e| panic!("clicking {css} failed: {e}"));
    }

    /// Waits until the element's text contains every one of `needles`, and returns the text.
    pub async fn wait_for_text(&self, css: &str, needles: &[&str]) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let text = within(css, async {
                match self.client.find(Locator::Css(css)).await {
                    Ok(e) => e.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                }
            })
            .await;
            if needles.iter().all(|n| text.contains(n)) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{css} never contained {needles:?}; it reads:\n{text}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits until a script returns true.
    pub async fn wait_until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if self.eval(script).await == json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Runs a script in the page (its body is a function body: `return ...`).
    pub async fn eval(&self, script: &str) -> Value {
        within(script, self.client.execute(script, vec![]))
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Sends an event to the window as Tauri's own runtime would, e.g. the drag-and-drop events
    /// the OS raises, so the UI's real handlers run.
    pub async fn emit_to_window(&self, event: &str, payload: Value) {
        let script = format!(
            "const done = arguments[arguments.length - 1]; \
             window.__TAURI_INTERNALS__.invoke('plugin:event|emit_to', \
               {{ target: {{ kind: 'Webview', label: 'main' }}, event: {}, payload: {} }}) \
             .then(() => done(null), (e) => done(String(e)));",
            json!(event),
            payload
        );
        let result = within(&script, self.client.execute_async(&script, vec![]))
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"));
        assert_eq!(result, Value::Null, "sending {event} failed");
    }

    /// Saves what the window shows as `<name>.png` in `screenshot_dir()`.
    pub async fn screenshot(&self, name: &str) {
        // Let transitions and fonts settle so the picture is what a person sees.
        tokio::time::sleep(Duration::from_millis(600)).await;
        let png = within("a screenshot", self.client.screenshot())
            .await
            .unwrap_or_else(|e| panic!("screenshot failed: {e}"));
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
        std::fs::write(screenshot_dir().join(format!("{name}.png")), png)
            .expect("the screenshot can be written");
    }

    /// Ends the session and stops the app, keeping its library folder for the next launch
    /// (`launch_in`): a restart.
    pub async fn quit_keeping_library(mut self) -> tempfile::TempDir {
        let dir = self.library.take().expect("the app has its library folder");
        let _ = tokio::time::timeout(PATIENCE, self.client.clone().close()).await;
        drop(self);
        dir
    }

    /// Ends the session (which closes the app) and stops the drivers.
    pub async fn quit(self) {
        let _ = tokio::time::timeout(PATIENCE, self.client.clone().close()).await;
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-TERM", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.wait();
    }
}
