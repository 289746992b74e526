//! The banner while acting for someone else: on every screen, in the header's second row, whose data
//! this is and why the citizen may see it.

use crate::domain::Basis;
use crate::i18n::tr;
use crate::kiosk::Model;

/// The banner's sentence, when the session shows someone else's data.
pub fn text(model: &Model) -> Option<String> {
    let person = model.session.as_ref()?.acting.as_ref()?;
    let id = match (person.basis, person.may_act) {
        (Basis::Custody, _) => "banner-acting-custody",
        (Basis::PowerOfAttorney, true) => "banner-acting-attorney-act",
        (Basis::PowerOfAttorney, false) => "banner-acting-attorney-see",
    };
    Some(tr(model.lang, id, &[("name", person.name.clone().into())]))
}
