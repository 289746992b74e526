//! Placeholder for the kiosk entry point; it is replaced by the kiosk module on merge.

use crate::config::Config;

/// What can stop the kiosk.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the kiosk is not available in this build")]
    NotAvailable,
}

/// Runs the kiosk until it is quit. Replaced by the kiosk.
pub fn run_kiosk(config: Config) -> Result<(), AppError> {
    let _ = config;
    Err(AppError::NotAvailable)
}
