//! The embedded default: the kiosk reads the local SQLite store directly.
