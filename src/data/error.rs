//! Errors that name the file, the entry and the problem.

use std::fmt;

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataProblem {
    /// The entry the problem is in, such as `figure "major_projects_investment"`; `None` when the
    /// file as a whole is at fault (it does not parse).
    pub entry: Option<String>,
    pub problem: String,
}

/// Everything wrong with a data file, so that an editor can fix it in one go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub problems: Vec<DataProblem>,
}

impl DataError {
    /// An error with a single problem in the file as a whole.
    pub fn whole_file(file: &str, problem: impl Into<String>) -> Self {
        DataError {
            file: file.to_owned(),
            problems: vec![DataProblem {
                entry: None,
                problem: problem.into(),
            }],
        }
    }
}

impl fmt::Display for DataProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "{entry}: {}", self.problem),
            None => f.write_str(&self.problem),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file)?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataError {}
