//! One decision-support use, explained plainly: what the tool is for, what data it used, how it helps,
//! that a person decides, the result with the factors that mattered, and how to object.

use super::Ctx;
use crate::i18n::format_day;
use crate::kiosk::Screen;
use crate::ui::widgets::doc::Doc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct DecisionDetail<'a>(pub Ctx<'a>);

/// The page, built from the model; `None` while there is nothing to show.
pub fn doc(c: Ctx) -> Option<Doc> {
    let lang = c.lang();
    let Screen::Decision { index } = c.model.screen() else {
        return None;
    };
    let x = c
        .model
        .session
        .as_ref()
        .and_then(|s| s.decisions.ready())
        .and_then(|l| l.get(*index))?;
    let mut d = Doc::new(c.theme);
    d.heading(x.tool.get(lang));
    d.field(c.t("decision-used-on"), format_day(lang, x.used_at));
    if let Some(case) = &x.case_ref {
        d.field(c.t("entry-case"), case.clone());
    }
    d.heading(c.t("decision-purpose")).para(x.purpose.get(lang));
    d.heading(c.t("decision-inputs"));
    for i in &x.inputs {
        d.bullet(i.get(lang));
    }
    d.heading(c.t("decision-helps"))
        .para(x.how_it_helps.get(lang));
    d.heading(c.t("decision-human"))
        .para(x.human_role.get(lang));
    d.heading(c.t("decision-result")).para(x.result.get(lang));
    d.heading(c.t("decision-factors"));
    for f in &x.factors {
        d.bullet(format!("{}: {}", f.name.get(lang), f.effect.get(lang)));
    }
    d.heading(c.t("decision-object"))
        .para(x.how_to_object.get(lang));
    Some(d)
}

impl Widget for &DecisionDetail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        if let Some(d) = doc(c) {
            d.render(area, buf, c.model.place().scroll);
        }
    }
}
