//! What can go wrong: mistakes in a schema (or in what was asked of it),
//! each at a place in a file, and failures to read or write files.

use std::fmt;
use std::path::PathBuf;

use crate::schema::Position;

/// One mistake, at a place in a `.tl` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where: line and column, or line 0 for a mistake in what was asked
    /// (an `only` name that is not in the schema).
    pub position: Position,
    /// The text of that line, to show under the message.
    pub line: String,
    /// What is wrong, and where it helps, what to write instead.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn at(position: Position, line: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            position,
            line: line.to_owned(),
            message: message.into(),
        }
    }

    /// A mistake in what was asked of the schema rather than in the file.
    pub(crate) fn request(message: impl Into<String>) -> Self {
        Diagnostic {
            position: Position::default(),
            line: String::new(),
            message: message.into(),
        }
    }
}

/// Why generation failed.
#[derive(Debug)]
pub enum Error {
    /// The schema has mistakes, or asks for what it lacks: every one found.
    Schema {
        /// The file, as given; `None` for text passed directly.
        file: Option<PathBuf>,
        /// Each mistake, in file order.
        diagnostics: Vec<Diagnostic>,
    },
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The configuration cannot work (no output set, `check` of files
    /// that differ...), said in words.
    Config(String),
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Schema { file, diagnostics } => {
                let file = file
                    .as_ref()
                    .map_or_else(|| "<schema>".to_owned(), |f| f.display().to_string());
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    if d.position.line == 0 {
                        write!(f, "{file}: {}", d.message)?;
                        continue;
                    }
                    write!(f, "{file}:{}: {}", d.position, d.message)?;
                    let pad = d.position.line.to_string().len();
                    write!(f, "\n{:pad$} |\n{} | {}", "", d.position.line, d.line)?;
                    let caret = d.position.column.saturating_sub(1);
                    write!(f, "\n{:pad$} | {:caret$}^", "", "")?;
                }
                Ok(())
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Config(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
