//! Builds the UI when its sources are newer than `ui/dist`, then runs tauri-build with the
//! app's own commands (from `command_list.rs`) in an app manifest and the main window's
//! capability, so every command is permission-checked.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

include!("command_list.rs");

macro_rules! names {
    ($($command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}

/// The app's own commands (from `command_list.rs`); each gets `allow-`/`deny-` permissions.
const COMMANDS: &[&str] = app_commands!(names);

/// What the main window may do besides calling the app's commands: listen for drag-and-drop,
/// menu and window events, and print. No file-system, shell, http or dialog permission is
/// granted to the webview: dialogs are opened from Rust.
const CORE_PERMISSIONS: &[&str] = &[
    "core:event:default",
    "core:window:default",
    "core:webview:default",
    "core:webview:allow-print",
];

fn main() {
    build_ui();
    let pattern = write_capability();
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern(pattern)
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}

/// Writes the main window's capability (the core permissions and every command's `allow-`
/// permission) into the build's output folder, so the command list lives in one place;
/// returns the glob tauri-build reads capabilities from.
fn write_capability() -> &'static str {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let folder = out.join("capabilities");
    std::fs::create_dir_all(&folder).expect("the build's output folder can be written");
    let permissions: Vec<String> = CORE_PERMISSIONS
        .iter()
        .map(|p| p.to_string())
        .chain(
            COMMANDS
                .iter()
                .map(|c| format!("allow-{}", c.replace('_', "-"))),
        )
        .map(|p| format!("    \"{p}\""))
        .collect();
    let json = format!(
        "{{\n  \"identifier\": \"main-window\",\n  \"description\": \"What the main window may do: the core permissions and the app's own commands (src-tauri/build.rs).\",\n  \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    );
    let file = folder.join("main-window.json");
    if std::fs::read_to_string(&file).ok().as_deref() != Some(json.as_str()) {
        std::fs::write(&file, json).expect("the capability file can be written");
    }
    let pattern = folder.join("*.json").to_string_lossy().into_owned();
    Box::leak(pattern.into_boxed_str())
}

fn newest(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "node_modules" && e.file_name() != "dist")
        .filter_map(|e| newest(&e.path()))
        .max()
}

fn build_ui() {
    let ui = Path::new("ui");
    for input in [
        "ui/src",
        "ui/index.html",
        "ui/package.json",
        "ui/vite.config.ts",
        "ui/tsconfig.json",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let dist = ui.join("dist/index.html");
    // For Rust-only work while the UI is mid-edit: use the last built ui/dist as it is.
    println!("cargo:rerun-if-env-changed=INSPECTION_COMPARE_SKIP_UI_BUILD");
    if std::env::var_os("INSPECTION_COMPARE_SKIP_UI_BUILD").is_some() && dist.exists() {
        return;
    }
    let built = std::fs::metadata(&dist).and_then(|m| m.modified()).ok();
    let sources = newest(ui);
    if built.is_some() && built >= sources {
        return;
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    if !ui.join("node_modules").exists() {
        run(Command::new(npm)
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(ui));
    }
    run(Command::new(npm).args(["run", "build"]).current_dir(ui));
}

fn run(command: &mut Command) {
    let status = command.status().unwrap_or_else(|e| {
        panic!("could not run {command:?} to build the UI ({e}); install Node.js 20+ and npm, or run `npm --prefix ui install && npm --prefix ui run build`")
    });
    assert!(
        status.success(),
        "{command:?} failed; run it in ui/ to see why"
    );
}
