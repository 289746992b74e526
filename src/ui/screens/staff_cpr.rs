//! A member of staff types the citizen's CPR number, after signing in with their staff account and
//! checking the citizen's ID. The digits are never shown: each is a dot as it is typed.

use super::Ctx;
use crate::kiosk::staff::CPR_DIGITS;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::spinner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct StaffCpr<'a>(pub Ctx<'a>);

/// `••••••-••__`: a dot for each digit typed, a line for each still to come, the dash after six.
pub fn masked(typed: usize) -> String {
    let mut out = String::new();
    for i in 0..CPR_DIGITS {
        if i == 6 {
            out.push('-');
        }
        out.push(if i < typed { '•' } else { '_' });
    }
    out
}

/// The screen's text, from the model.
pub fn doc(c: Ctx) -> Doc {
    let mut d = Doc::new(c.theme);
    d.heading(c.t("staff-cpr-heading"))
        .para(c.t("staff-cpr-check-id"))
        .para(c.t("staff-cpr-type"))
        .blank();
    let Some(entry) = c.model.staff.as_ref() else {
        return d;
    };
    d.line(Line::styled(
        format!("  {}", masked(entry.digits.chars().count())),
        c.theme.heading(),
    ))
    .blank();
    if entry.sending {
        d.muted(format!(
            "{} {}",
            spinner(c.model.now),
            c.t("staff-cpr-opening")
        ));
    } else if let Some(problem) = entry.problem {
        d.error(c.t(problem.message_id()));
    }
    d.blank()
        .muted(c.t("staff-cpr-keys"))
        .muted(c.t("staff-cpr-log"));
    d
}

impl Widget for &StaffCpr<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        doc(self.0).render(area, buf, 0);
    }
}
