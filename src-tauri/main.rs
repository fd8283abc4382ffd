//! The desktop app: thin Tauri commands over the engine.
//!
//! `inspection-compare [--db PATH] [FILE...]`: files given on the command line (as the OS does
//! for "Open with") are imported at start and, when there are two, their comparison opens.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod launch;
mod menu;

include!("command_list.rs");

/// Registers every command of `command_list.rs` from `commands`.
macro_rules! handlers {
    ($($command:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$command),*]
    };
}

use std::sync::Mutex;

fn main() {
    // Started again by itself to read documents out of harm's way: serve, and nothing else.
    if inspection_engine::worker::WorkerCommand::is_this_process() {
        std::process::exit(inspection_engine::worker::serve());
    }
    let started = std::time::Instant::now();
    let args = match launch::Args::parse(std::env::args_os().skip(1)) {
        Ok(launch::Parsed::Run(args)) => args,
        Ok(launch::Parsed::Exit(message)) => {
            println!("{message}");
            return;
        }
        Err(message) => {
            eprintln!("inspection-compare: {message}");
            std::process::exit(2);
        }
    };
    let library_path = match args
        .db
        .clone()
        .map(Ok)
        .unwrap_or_else(inspection_engine::store::Library::default_path)
    {
        Ok(path) => path,
        Err(e) => {
            eprintln!("inspection-compare: {e}");
            std::process::exit(1);
        }
    };
    let library = match inspection_engine::store::Library::open(&library_path) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("inspection-compare: {e}");
            std::process::exit(1);
        }
    };
    let state = commands::AppState {
        library: Mutex::new(library),
        library_path,
        startup_files: args.files,
        startup: Mutex::new(None),
        started,
        measure_startup: args.measure_startup,
        import_stop: Default::default(),
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .invoke_handler(app_commands!(handlers))
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("inspection-compare: could not start: {e}");
        std::process::exit(1);
    }
}
