//! CPR numbers in ingested records: the strict spelling a record's `cpr` must have, and the masking of a
//! CPR number inside a field value (a child's, a spouse's), so the database never holds one in clear.

use crate::domain::Cpr;

/// `ddmmyy-nnnn` or `ddmmyynnnn`, with a day 01–31 and a month 01–12. The date need not exist (the demo's
/// CPR numbers use 30–31 February on purpose).
pub fn parse_cpr(s: &str) -> Option<Cpr> {
    let b = s.as_bytes();
    let ok = match b.len() {
        10 => b.iter().all(u8::is_ascii_digit),
        11 => {
            b[6] == b'-'
                && b[..6].iter().all(u8::is_ascii_digit)
                && b[7..].iter().all(u8::is_ascii_digit)
        }
        _ => false,
    };
    if ok { Cpr::parse(s) } else { None }
}

/// `text` with every CPR number in it (ten digits, with or without the dash, not part of a longer number)
/// replaced by its masked form `ddmmyy-••••`.
pub fn mask_cprs(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let found = [11, 10].into_iter().map(|len| i + len).find_map(|end| {
                let whole = end == b.len() || (end < b.len() && !b[end].is_ascii_digit());
                // Only ASCII digits and a dash can match, so `get` never splits a character that matters.
                let cpr = whole
                    .then(|| text.get(i..end).and_then(parse_cpr))
                    .flatten()?;
                Some((end, cpr))
            });
            if let Some((end, cpr)) = found {
                out.push_str(&cpr.masked());
                i = end;
                continue;
            }
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strict_spellings_are_accepted_impossible_dates_included() {
        assert!(parse_cpr("310241-4822").is_some());
        assert!(parse_cpr("3102414822").is_some());
        for bad in [
            "31-0241-4822",
            "310241 4822",
            "31024148",
            "321241-4822",
            "311341-4822",
            "abcdefghij",
        ] {
            assert!(parse_cpr(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_cpr_number_in_a_value_is_masked_and_other_numbers_are_kept() {
        assert_eq!(mask_cprs("Barn: 300214-1234"), "Barn: 300214-••••");
        assert_eq!(
            mask_cprs("3002141234 og 310241-4822."),
            "300214-•••• og 310241-••••."
        );
        assert_eq!(mask_cprs("Konto 12345678901234"), "Konto 12345678901234");
        assert_eq!(mask_cprs("Tlf. 12 34 56 78, æøå"), "Tlf. 12 34 56 78, æøå");
        assert_eq!(mask_cprs("991299-1234"), "991299-1234");
    }
}
