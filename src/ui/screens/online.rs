//! Continue online: a QR code of the portal link for this view and language, and the link as text.
//! The link names a section and a language, nothing else.

use super::Ctx;
use crate::kiosk::Screen;
use crate::kiosk::url::continue_online;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::qr::{QrMatrix, QrWidget};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct Online<'a>(pub Ctx<'a>);

/// The URL the QR code holds on this screen.
pub fn url(c: Ctx) -> Option<String> {
    match c.model.screen() {
        Screen::Online { view } => Some(continue_online(
            &c.model.settings.portal_url,
            *view,
            c.lang(),
        )),
        _ => None,
    }
}

/// The words beside the QR code.
pub fn doc(c: Ctx, url: &str) -> Doc {
    let mut d = Doc::new(c.theme);
    d.heading(c.t("online-heading")).para(c.t("online-explain"));
    // The website shows the data of whoever signs in there: one's own.
    if c.model.session.as_ref().is_some_and(|s| s.acting.is_some()) {
        d.para(c.t("online-own-data-only"));
    }
    d.blank()
        .para(c.t("online-or-type"))
        .line(ratatui::text::Line::styled(
            url.to_owned(),
            c.theme.heading(),
        ))
        .blank()
        .muted(c.t("online-privacy"));
    d
}

impl Widget for &Online<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let Some(url) = url(c) else {
            return;
        };
        let matrix = QrMatrix::cached(&url);
        let mut d = doc(c, &url);
        let Some(m) = matrix else {
            d.error(c.t("online-qr-failed"));
            d.render(area, buf, 0);
            return;
        };
        let (qw, qh) = m.size();
        if qw + 30 <= area.width && qh <= area.height {
            QrWidget {
                matrix: &m,
                theme: c.theme,
            }
            .render(Rect::new(area.x + 1, area.y, qw, qh), buf);
            let text = Rect::new(area.x + qw + 3, area.y, area.width - qw - 3, area.height);
            d.render(text, buf, 0);
        } else {
            d.error(c.t("online-too-small"));
            d.render(area, buf, 0);
        }
    }
}
