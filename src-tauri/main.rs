//! The desktop app: thin Tauri commands over the engine.
//!
//! Each command calls the engine off the main thread and maps errors to `{kind, message}`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::read_report])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("inspection-compare: could not start: {e}");
            std::process::exit(1);
        });
}
