//! Builds the UI when its sources are newer than `ui/dist`, then runs tauri-build with the
//! app's own commands listed in an app manifest so every command is permission-checked.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// The Tauri commands the UI may call; each gets `allow-`/`deny-` permissions.
const COMMANDS: &[&str] = &[
    "app_info",
    "startup",
    "list_inspections",
    "list_authorities",
    "get_inspection",
    "search",
    "import_paths",
    "compare_inspections",
    "remove_inspection",
    "comparison_summary",
    "export_comparison",
    "ui_ready",
];

fn main() {
    build_ui();
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
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
