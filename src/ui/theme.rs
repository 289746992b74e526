//! The one theme file: every colour the kiosk uses, as explicit RGB, so contrast can be computed.

use ratatui::style::{Color, Modifier, Style};

/// The colours and styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// No colours at all (`NO_COLOR`): focus is shown by a marker and modifiers only.
    pub monochrome: bool,
    pub bg: Color,
    pub fg: Color,
    /// Headings and the municipality's name.
    pub accent: Color,
    /// Secondary text.
    pub muted: Color,
    /// The selected item.
    pub focus_fg: Color,
    pub focus_bg: Color,
    /// The "Voluntary" label.
    pub voluntary_fg: Color,
    pub voluntary_bg: Color,
    /// The "Required by law" label.
    pub required_fg: Color,
    pub required_bg: Color,
    /// Error sentences.
    pub error: Color,
    /// Notices (confirmations) on top of a screen.
    pub notice_fg: Color,
    pub notice_bg: Color,
    /// Footer key labels.
    pub key_fg: Color,
    pub key_bg: Color,
}

impl Theme {
    /// The normal theme: dark text on a light background (every pair at least 4.5:1).
    pub const NORMAL: Theme = Theme {
        monochrome: false,
        bg: Color::Rgb(250, 250, 247),
        fg: Color::Rgb(28, 28, 30),
        accent: Color::Rgb(0, 70, 127),
        muted: Color::Rgb(78, 78, 84),
        focus_fg: Color::Rgb(255, 255, 255),
        focus_bg: Color::Rgb(0, 70, 127),
        voluntary_fg: Color::Rgb(255, 255, 255),
        voluntary_bg: Color::Rgb(0, 102, 56),
        required_fg: Color::Rgb(255, 255, 255),
        required_bg: Color::Rgb(112, 48, 0),
        error: Color::Rgb(166, 20, 20),
        notice_fg: Color::Rgb(28, 28, 30),
        notice_bg: Color::Rgb(255, 236, 179),
        key_fg: Color::Rgb(255, 255, 255),
        key_bg: Color::Rgb(58, 58, 64),
    };

    /// The high-contrast theme: every pair at least 7:1.
    pub const HIGH_CONTRAST: Theme = Theme {
        monochrome: false,
        bg: Color::Rgb(0, 0, 0),
        fg: Color::Rgb(255, 255, 255),
        accent: Color::Rgb(255, 255, 0),
        muted: Color::Rgb(230, 230, 230),
        focus_fg: Color::Rgb(0, 0, 0),
        focus_bg: Color::Rgb(255, 255, 0),
        voluntary_fg: Color::Rgb(0, 0, 0),
        voluntary_bg: Color::Rgb(120, 255, 160),
        required_fg: Color::Rgb(0, 0, 0),
        required_bg: Color::Rgb(255, 200, 120),
        error: Color::Rgb(255, 160, 160),
        notice_fg: Color::Rgb(0, 0, 0),
        notice_bg: Color::Rgb(255, 255, 255),
        key_fg: Color::Rgb(0, 0, 0),
        key_bg: Color::Rgb(255, 255, 255),
    };

    /// No colours (`NO_COLOR`): the terminal's own colours, and modifiers for emphasis.
    pub const MONOCHROME: Theme = Theme {
        monochrome: true,
        bg: Color::Reset,
        fg: Color::Reset,
        accent: Color::Reset,
        muted: Color::Reset,
        focus_fg: Color::Reset,
        focus_bg: Color::Reset,
        voluntary_fg: Color::Reset,
        voluntary_bg: Color::Reset,
        required_fg: Color::Reset,
        required_bg: Color::Reset,
        error: Color::Reset,
        notice_fg: Color::Reset,
        notice_bg: Color::Reset,
        key_fg: Color::Reset,
        key_bg: Color::Reset,
    };

    /// The theme to draw with: no colours stay no colours; otherwise high contrast when it is switched on.
    pub fn effective(&self, high_contrast: bool) -> Theme {
        if self.monochrome {
            Theme::MONOCHROME
        } else if high_contrast {
            Theme::HIGH_CONTRAST
        } else {
            *self
        }
    }

    pub fn base(&self) -> Style {
        Style::new().fg(self.fg).bg(self.bg)
    }

    pub fn heading(&self) -> Style {
        self.base().fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        self.base().fg(self.muted)
    }

    pub fn error(&self) -> Style {
        self.base().fg(self.error).add_modifier(Modifier::BOLD)
    }

    /// The selected item: colours plus bold and (without colours) reverse video, so focus never
    /// depends on colour alone.
    pub fn focus(&self) -> Style {
        let s = Style::new()
            .fg(self.focus_fg)
            .bg(self.focus_bg)
            .add_modifier(Modifier::BOLD);
        if self.monochrome {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }

    pub fn voluntary(&self) -> Style {
        Style::new()
            .fg(self.voluntary_fg)
            .bg(self.voluntary_bg)
            .add_modifier(Modifier::BOLD)
    }

    pub fn required(&self) -> Style {
        Style::new()
            .fg(self.required_fg)
            .bg(self.required_bg)
            .add_modifier(Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        Style::new().fg(self.notice_fg).bg(self.notice_bg)
    }

    pub fn key(&self) -> Style {
        let s = Style::new()
            .fg(self.key_fg)
            .bg(self.key_bg)
            .add_modifier(Modifier::BOLD);
        if self.monochrome {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }

    /// The theme to start with: none of the colours when `NO_COLOR` is set and non-empty.
    pub fn from_env(no_color: Option<&str>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::MONOCHROME,
            _ => Theme::NORMAL,
        }
    }
}
