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

/// The birth date a CPR number encodes: the day, month and year, with the century from the seventh digit
/// (the CPR office's table). `None` for a date that does not exist (the demo's 30–31 February).
pub fn birth_date(cpr: &Cpr) -> Option<jiff::civil::Date> {
    let d: Vec<u32> = cpr
        .reveal()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let &[d1, d2, m1, m2, y1, y2, seventh, ..] = d.as_slice() else {
        return None;
    };
    let (day, month, yy) = (d1 * 10 + d2, m1 * 10 + m2, y1 * 10 + y2);
    let century = match (seventh, yy) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (5..=8, 0..=57) => 2000,
        (5..=8, _) => 1800,
        _ => return None,
    };
    let year = i16::try_from(century + yy).ok()?;
    jiff::civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
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
    fn the_birth_date_takes_its_century_from_the_seventh_digit() {
        let born = |s: &str| birth_date(&parse_cpr(s).unwrap()).map(|d| d.to_string());
        assert_eq!(born("0103151234").as_deref(), Some("1915-03-01"));
        assert_eq!(born("0103154234").as_deref(), Some("2015-03-01"));
        assert_eq!(born("0103504234").as_deref(), Some("1950-03-01"));
        assert_eq!(born("0103155234").as_deref(), Some("2015-03-01"));
        assert_eq!(born("0103705234").as_deref(), Some("1870-03-01"));
        assert_eq!(born("0103709234").as_deref(), Some("1970-03-01"));
        assert_eq!(born("3002411234"), None);
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
