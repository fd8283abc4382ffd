//! The native menu. Menu items emit events the UI handles, so menu and keyboard shortcuts
//! run the same code.

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Menu ids of the Export items: this prefix and the format's id ("export-pdf").
const EXPORT_PREFIX: &str = "export-";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let open = MenuItemBuilder::with_id("open", "Open Reports…")
        .accelerator("CmdOrCtrl+O")
        .build(app)?;
    let open_folder = MenuItemBuilder::with_id("open-folder", "Open Folder…")
        .accelerator("CmdOrCtrl+Shift+O")
        .build(app)?;
    // One item per export format; the UI reads the format's id back from the item's id.
    let mut export = SubmenuBuilder::new(app, "Export Summary");
    for format in inspection_engine::render::Format::ALL {
        let id = format!("{EXPORT_PREFIX}{}", format.id());
        export =
            export.item(&MenuItemBuilder::with_id(id, format!("{}…", format.label())).build(app)?);
    }
    let export = export.build()?;
    let print = MenuItemBuilder::with_id("print", "Print Summary…")
        .accelerator("CmdOrCtrl+P")
        .build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&open)
        .item(&open_folder)
        .separator()
        .item(&export)
        .item(&print)
        .separator()
        .item(&PredefinedMenuItem::close_window(app, None)?)
        .item(&PredefinedMenuItem::quit(app, None)?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&PredefinedMenuItem::copy(app, None)?)
        .item(&PredefinedMenuItem::select_all(app, None)?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(
            &MenuItemBuilder::with_id("view-library", "Library")
                .accelerator("CmdOrCtrl+1")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("view-compare", "Compare")
                .accelerator("CmdOrCtrl+2")
                .build(app)?,
        )
        .item(
            &MenuItemBuilder::with_id("view-search", "Search")
                .accelerator("CmdOrCtrl+F")
                .build(app)?,
        )
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(
            &MenuItemBuilder::with_id("shortcuts", "Keyboard Shortcuts")
                .accelerator("F1")
                .build(app)?,
        )
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

pub fn handle<R: Runtime>(app: &AppHandle<R>, event: tauri::menu::MenuEvent) {
    let id = event.id().0.as_str();
    match id {
        "open" | "open-folder" => {
            let app = app.clone();
            let dialog = app.dialog().file().set_title(if id == "open" {
                "Open reports"
            } else {
                "Open a folder of reports"
            });
            let folder = id == "open-folder";
            let done = move |paths: Option<Vec<tauri_plugin_dialog::FilePath>>| {
                let paths: Vec<String> = paths
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| p.into_path().ok())
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if !paths.is_empty() {
                    let _ = app.emit("import-paths", paths);
                }
            };
            if folder {
                dialog.pick_folders(done);
            } else {
                dialog
                    .add_filter("Reports", &["pdf", "txt", "htm", "html"])
                    .pick_files(done);
            }
        }
        other => {
            let _ = app.emit("menu", other.to_string());
        }
    }
}
