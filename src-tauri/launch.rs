//! Command-line arguments of the app: `[--db PATH] [--measure-startup] [FILE...]`.
//!
//! Parsed by hand rather than with clap: two options, and the OS passes files this way.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    pub db: Option<PathBuf>,
    pub files: Vec<PathBuf>,
    /// Print how long start-up took once the window is interactive, then quit (benchmarks).
    pub measure_startup: bool,
}

pub enum Parsed {
    Run(Args),
    /// Print this and exit (help, version).
    Exit(String),
}

const USAGE: &str = "usage: inspection-compare [--db PATH] [--measure-startup] [FILE...]\n\n\
  --db PATH           the library database (default: the app's data folder)\n\
  --measure-startup   print start-up times as JSON once interactive, then quit\n\
  FILE...             reports to import; with two, their comparison opens";

impl Args {
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
        let mut parsed = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--help" | "-h") => return Ok(Parsed::Exit(USAGE.into())),
                Some("--version" | "-V") => {
                    return Ok(Parsed::Exit(format!(
                        "inspection-compare {}",
                        env!("CARGO_PKG_VERSION")
                    )))
                }
                Some("--db") => parsed.db = Some(args.next().ok_or("--db needs a path")?.into()),
                Some(s) if s.starts_with("--db=") => parsed.db = Some(PathBuf::from(&s[5..])),
                Some("--measure-startup") => parsed.measure_startup = true,
                // Options some launchers add (e.g. macOS's -psn_…) are not files.
                Some(s) if s.starts_with('-') => {
                    return Err(format!("unknown option {s}\n{USAGE}"))
                }
                _ => parsed.files.push(arg.into()),
            }
        }
        Ok(Parsed::Run(parsed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        match Args::parse(args.iter().map(OsString::from))? {
            Parsed::Run(args) => Ok(args),
            Parsed::Exit(m) => Err(m),
        }
    }

    #[test]
    fn parses_db_and_files() {
        let a = parse(&["--db", "lib.sqlite3", "a.pdf", "b.txt"]).unwrap();
        assert_eq!(a.db, Some(PathBuf::from("lib.sqlite3")));
        assert_eq!(
            a.files,
            vec![PathBuf::from("a.pdf"), PathBuf::from("b.txt")]
        );
        assert_eq!(
            parse(&["--db=x.db"]).unwrap().db,
            Some(PathBuf::from("x.db"))
        );
        assert!(!a.measure_startup);
        assert!(parse(&["--measure-startup"]).unwrap().measure_startup);
        assert!(parse(&["--db"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
    }
}
