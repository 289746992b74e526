//! "Your requests": the withdrawals and reports the citizen has made, who handles each, where it stands,
//! and a mark on those with news since the citizen last looked.

use super::{Ctx, draw_menu, placeholder, split};
use crate::domain::{CitizenRequest, Lang, RequestKind, RequestStatus};
use crate::i18n::{format_day, tr};
use crate::ui::theme::Theme;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::menu::MenuItem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

pub struct Requests<'a>(pub Ctx<'a>);

const INTRO_ROWS: u16 = 3;

/// The message id of what the citizen asked for.
pub fn kind_id(kind: RequestKind) -> &'static str {
    kind.message_id()
}

/// The message id of where a request stands.
pub fn status_id(status: RequestStatus) -> &'static str {
    status.message_id()
}

/// "New" on a request whose status or answer changed since the citizen last looked.
pub fn new_badge(lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(" {} ", crate::i18n::t(lang, "badge-new")),
        theme.notice(),
    )
}

/// "Withdrawal · 3 Dec 2026 · Done": what, when and where it stands, on one line under its subject.
fn summary(c: Ctx, x: &CitizenRequest) -> String {
    let lang = c.lang();
    tr(
        lang,
        "requests-item",
        &[
            ("kind", c.t(kind_id(x.kind)).into()),
            ("date", format_day(lang, x.filed_at).into()),
            ("status", c.t(status_id(x.status)).into()),
        ],
    )
}

pub fn menu(c: Ctx, area: Rect) -> Option<(Rect, Vec<MenuItem>)> {
    let list = c.model.session.as_ref()?.requests.ready()?;
    let items = list
        .iter()
        .map(|x| {
            let item = MenuItem::new(x.about.get(c.lang())).detail(summary(c, x));
            if x.unseen {
                item.badge(new_badge(c.lang(), c.theme))
            } else {
                item
            }
        })
        .collect();
    Some((menu_area(area), items))
}

pub fn menu_area(area: Rect) -> Rect {
    split(area, INTRO_ROWS).1
}

impl Widget for &Requests<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let (intro, rest) = split(area, INTRO_ROWS);
        let mut d = Doc::new(c.theme);
        d.heading(c.t("requests-heading"))
            .para(c.t("requests-explain"));
        d.render(intro, buf, 0);
        let Some(session) = c.model.session.as_ref() else {
            return;
        };
        if placeholder(c, &session.requests, rest, buf) {
            return;
        }
        match menu(c, area) {
            Some((_, items)) if items.is_empty() => {
                let mut d = Doc::new(c.theme);
                d.para(c.t("requests-none"));
                d.render(rest, buf, 0);
            }
            Some((m, items)) => draw_menu(c, m, &items, buf),
            None => {}
        }
    }
}
