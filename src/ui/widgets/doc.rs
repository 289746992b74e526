//! A scrollable page of text built line by line: headings, labelled fields, paragraphs.

use crate::domain::{Lang, LegalBasis};
use crate::i18n::t;
use crate::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct Doc {
    lines: Vec<Line<'static>>,
    theme: Theme,
}

impl Doc {
    pub fn new(theme: &Theme) -> Doc {
        Doc {
            lines: Vec::new(),
            theme: *theme,
        }
    }

    pub fn heading(&mut self, s: impl Into<String>) -> &mut Doc {
        if !self.lines.is_empty() {
            self.lines.push(Line::default());
        }
        self.lines
            .push(Line::styled(s.into(), self.theme.heading()));
        self
    }

    pub fn para(&mut self, s: impl Into<String>) -> &mut Doc {
        self.lines.push(Line::styled(s.into(), self.theme.base()));
        self
    }

    pub fn muted(&mut self, s: impl Into<String>) -> &mut Doc {
        self.lines.push(Line::styled(s.into(), self.theme.muted()));
        self
    }

    pub fn error(&mut self, s: impl Into<String>) -> &mut Doc {
        self.lines.push(Line::styled(s.into(), self.theme.error()));
        self
    }

    /// `Label: value`, the label bold.
    pub fn field(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Doc {
        self.lines.push(Line::from(vec![
            Span::styled(format!("{}: ", label.into()), self.theme.heading()),
            Span::styled(value.into(), self.theme.base()),
        ]));
        self
    }

    pub fn bullet(&mut self, s: impl Into<String>) -> &mut Doc {
        self.lines
            .push(Line::styled(format!("  • {}", s.into()), self.theme.base()));
        self
    }

    pub fn line(&mut self, line: Line<'static>) -> &mut Doc {
        self.lines.push(line);
        self
    }

    /// The legal basis: a heading, the law and the GDPR article, then what it means in plain words.
    pub fn legal_basis(&mut self, lang: Lang, basis: &LegalBasis) -> &mut Doc {
        self.heading(t(lang, "category-legal-basis"));
        self.para(format!(
            "{} · {}",
            basis.law.get(lang),
            basis.gdpr.get(lang)
        ));
        self.para(basis.plain.get(lang))
    }

    pub fn blank(&mut self) -> &mut Doc {
        self.lines.push(Line::default());
        self
    }

    /// The page's text, a line each, without the blank lines (what read-aloud says).
    pub fn text(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| l.to_string().trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Draws the page, scrolled down `scroll` lines, with a margin of one column.
    pub fn render(&self, area: Rect, buf: &mut Buffer, scroll: u16) {
        let inner = Rect::new(
            area.x + 1,
            area.y,
            area.width.saturating_sub(2),
            area.height,
        );
        Paragraph::new(Text::from(self.lines.clone()))
            .style(self.theme.base())
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .render(inner, buf);
    }
}
