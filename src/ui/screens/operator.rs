//! The operator's PIN, to leave a locked kiosk. The digits are never shown.

use super::Ctx;
use crate::i18n::tr;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::spinner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct OperatorPin<'a>(pub Ctx<'a>);

impl Widget for &OperatorPin<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let pin = &c.model.pin;
        let mut d = Doc::new(c.theme);
        d.heading(c.t("operator-heading"))
            .para(c.t("operator-explain"))
            .blank();
        d.field(c.t("operator-pin"), "•".repeat(pin.input.chars().count()));
        d.blank();
        if pin.checking {
            d.muted(format!(
                "{} {}",
                spinner(c.model.now),
                c.t("operator-checking")
            ));
        } else if let Some(until) = pin.locked_until.filter(|t| *t > c.model.now) {
            let seconds = until.duration_since(c.model.now).as_secs().max(1);
            d.error(tr(
                c.lang(),
                "operator-wait",
                &[("seconds", seconds.into())],
            ));
        } else if pin.failures > 0 {
            d.error(c.t("operator-wrong"));
        }
        d.muted(c.t("operator-keys"));
        d.render(area, buf, 0);
    }
}
