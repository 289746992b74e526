//! The "continue online" link: the portal, the view and the language. Nothing about the citizen.

use super::screen::View;
use crate::domain::Lang;

/// `portal_url` plus `view` and `lang`, e.g. `https://portal.example/?view=access-log&lang=da`.
pub fn continue_online(portal_url: &str, view: View, lang: Lang) -> String {
    let (base, fragment) = match portal_url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (portal_url, None),
    };
    // `https://host` gets its root path, so the query reads `https://host/?view=…`.
    let rooted;
    let base = if base.matches('/').count() == 2 && !base.contains('?') {
        rooted = format!("{base}/");
        rooted.as_str()
    } else {
        base
    };
    let sep = if base.contains('?') {
        if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        }
    } else {
        "?"
    };
    let mut url = format!("{base}{sep}view={}&lang={}", view.code(), lang.code());
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_query() {
        assert_eq!(
            continue_online("https://p.dk", View::Overview, Lang::En),
            "https://p.dk/?view=overview&lang=en"
        );
        assert_eq!(
            continue_online("https://p.dk/indsigt", View::AccessLog, Lang::Da),
            "https://p.dk/indsigt?view=access-log&lang=da"
        );
        assert_eq!(
            continue_online("https://p.dk/?k=1", View::Rights, Lang::En),
            "https://p.dk/?k=1&view=rights&lang=en"
        );
        assert_eq!(
            continue_online("https://p.dk/#top", View::Data, Lang::En),
            "https://p.dk/?view=data&lang=en#top"
        );
    }
}
