//! Sign-in on the citizen's own phone: the QR code of the broker's link, the user code in big letters to
//! compare with the phone, the link as text, and how long the code lasts.

use super::Ctx;
use crate::i18n::{t, tr};
use crate::kiosk::device::{DeviceFlow, Waiting, grouped};
use crate::kiosk::staff::Broker;
use crate::ui::widgets::doc::Doc;
use crate::ui::widgets::qr::{QrMatrix, QrWidget};
use crate::ui::widgets::spinner;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

pub struct DeviceSignIn<'a>(pub Ctx<'a>);

/// The message for the device sign-in on screen: the citizen's, or a member of staff's (`staff-…`).
fn id(c: Ctx, citizen: &'static str) -> &'static str {
    if c.model.device_broker == Broker::Citizen {
        return citizen;
    }
    match citizen {
        "device-heading" => "staff-device-heading",
        "device-step-scan" => "staff-device-step-scan",
        "device-step-compare" => "staff-device-step-compare",
        "device-step-approve" => "staff-device-step-approve",
        other => other,
    }
}

/// Whether the citizen's sign-in offers "no MitID on my phone" (a member of staff opens the visit).
fn offers_staff(c: Ctx) -> bool {
    c.model.settings.staff_sign_in && c.model.device_broker == Broker::Citizen
}

fn minutes_seconds(secs: i64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn waiting(c: Ctx, w: &Waiting, area: Rect, buf: &mut Buffer) {
    let lang = c.lang();
    let code = grouped(&w.auth.user_code);
    let matrix = QrMatrix::cached(w.qr_url());
    let fits = matrix
        .as_ref()
        .map(|m| m.size())
        .filter(|(qw, qh)| qw + 34 <= area.width && *qh <= area.height);
    let text_area = match (&matrix, fits) {
        (Some(m), Some((qw, qh))) => {
            (&QrWidget {
                matrix: m,
                theme: c.theme,
            })
                .render(Rect::new(area.x + 1, area.y, qw, qh), buf);
            Rect::new(area.x + qw + 3, area.y, area.width - qw - 3, area.height)
        }
        _ => area,
    };
    let mut top = Doc::new(c.theme);
    top.heading(c.t(id(c, "device-heading")));
    if fits.is_none() {
        top.error(c.t("device-qr-too-small"));
    }
    top.para(c.t(id(c, "device-step-scan")))
        .para(c.t(id(c, "device-step-compare")));
    // Room for the heading and two steps, each of which may wrap once on a narrow screen.
    let narrow = u16::from(text_area.width < 50) * 2;
    let top_rows = if fits.is_none() { 4 } else { 3 } + narrow;
    top.render(
        Rect::new(text_area.x, text_area.y, text_area.width, top_rows),
        buf,
        0,
    );
    // The code in big letters when there is room, else in bold.
    let big_h = if code.chars().count() as u16 * 4 + 2 <= text_area.width {
        4
    } else {
        0
    };
    let code_area = Rect::new(
        text_area.x + 1,
        text_area.y + top_rows + 1,
        text_area.width.saturating_sub(1),
        big_h.max(1),
    );
    if big_h > 0 {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(c.theme.heading())
            .lines(vec![Line::from(code.clone())])
            .build()
            .render(code_area, buf);
    } else {
        Line::styled(code.clone(), c.theme.heading()).render(code_area, buf);
    }
    let rest_y = code_area.bottom() + 1;
    let mut rest = Doc::new(c.theme);
    rest.muted(tr(lang, "device-code-text", &[("code", code.into())]))
        .para(c.t(id(c, "device-step-approve")))
        .blank()
        .para(c.t("device-or-open"))
        .line(Line::styled(
            w.auth.verification_uri.clone(),
            c.theme.heading(),
        ))
        .blank()
        .para(tr(
            lang,
            "device-expires",
            &[("time", minutes_seconds(w.seconds_left(c.model.now)).into())],
        ))
        .muted(t(lang, "device-cancel"));
    if offers_staff(c) {
        rest.blank().para(c.t("device-no-mitid"));
    }
    rest.render(
        Rect::new(
            text_area.x,
            rest_y,
            text_area.width,
            text_area.bottom().saturating_sub(rest_y),
        ),
        buf,
        0,
    );
}

impl Widget for &DeviceSignIn<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.0;
        let mut d = Doc::new(c.theme);
        match &c.model.device {
            Some(DeviceFlow::Waiting(w)) => return waiting(c, w, area, buf),
            None | Some(DeviceFlow::Starting) | Some(DeviceFlow::SignedIn(_)) => {
                d.heading(c.t(id(c, "device-heading")));
                d.muted(format!(
                    "{} {}",
                    spinner(c.model.now),
                    c.t("device-starting")
                ));
            }
            Some(DeviceFlow::Denied) => {
                d.heading(c.t("device-denied"));
                d.para(c.t("device-again"));
            }
            Some(DeviceFlow::Expired) => {
                d.heading(c.t("device-expired"));
                d.para(c.t("device-again"));
            }
            Some(DeviceFlow::Failed(e)) => {
                d.heading(c.t("error-title"));
                d.error(c.t(e.message_id()));
                d.para(c.t("device-again"));
            }
        }
        d.render(area, buf, 0);
    }
}
