// The Tauri commands the UI may call: the one list. `build.rs` gives each an `allow-`
// permission and grants it to the main window; `main.rs` registers each handler from
// `commands`. A command added here and not written in `commands.rs` fails to compile; one
// written and not listed here cannot be called.
macro_rules! app_commands {
    ($then:ident) => {
        $then![
            app_info,
            startup,
            list_inspections,
            list_authorities,
            get_inspection,
            search,
            import_paths,
            cancel_import,
            dismiss_import,
            check_library,
            authority_group,
            compare_inspections,
            remove_inspection,
            choose_authority,
            authority_tracker,
            set_tracker_status,
            export_tracker,
            comparison_summary,
            export_comparison,
            ui_ready,
        ]
    };
}
