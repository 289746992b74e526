//! What the current catalogue allows systems to send: its systems, categories with their fields, consent
//! types and decision tools, read the same way by both engines. Ingest checks records against it.

use super::queries::categories::CURRENT;
use super::{Store, StoreResult};
use rusqlite::Connection;
use std::collections::HashMap;

/// What the current catalogue says about what systems may send.
#[derive(Debug, Clone, Default)]
pub struct CatalogueView {
    /// System id → name.
    systems: HashMap<String, String>,
    categories: HashMap<String, CategoryView>,
    consent_types: Vec<String>,
    /// Tool id → its system, if the catalogue names one.
    tools: HashMap<String, Option<String>>,
}

#[derive(Debug, Clone)]
pub struct CategoryView {
    pub system: String,
    pub fields: Vec<String>,
}

impl CatalogueView {
    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
    }
    /// The catalogue id of the system called `name` (by id or by name, as ingest keys name it).
    pub fn system_id(&self, name: &str) -> Option<&str> {
        if let Some((id, _)) = self.systems.get_key_value(name) {
            return Some(id);
        }
        self.systems
            .iter()
            .find(|(_, n)| n.as_str() == name)
            .map(|(id, _)| id.as_str())
    }
    pub fn category(&self, id: &str) -> Option<&CategoryView> {
        self.categories.get(id)
    }
    pub fn has_consent_type(&self, id: &str) -> bool {
        self.consent_types.iter().any(|t| t == id)
    }
    /// `None`: no such tool; `Some(None)`: a tool with no owning system.
    pub fn tool_system(&self, id: &str) -> Option<Option<&str>> {
        self.tools.get(id).map(|s| s.as_deref())
    }
}

impl Store {
    /// What the current catalogue allows; empty when none was imported.
    pub fn catalogue_view(&self) -> StoreResult<CatalogueView> {
        catalogue_view_in(&self.conn)
    }
}

/// The current catalogue's rows a [`CatalogueView`] is made of, as both engines read them: systems
/// (id, name), categories (id, system), fields (category, id), consent type ids, tools (id, system).
#[derive(Debug, Clone, Default)]
pub(crate) struct ViewRows {
    pub systems: Vec<(String, String)>,
    pub categories: Vec<(String, String)>,
    pub fields: Vec<(String, String)>,
    pub consent_types: Vec<String>,
    pub tools: Vec<(String, Option<String>)>,
}

impl CatalogueView {
    /// The view of these rows (one rule for SQLite and PostgreSQL).
    pub(crate) fn from_rows(rows: ViewRows) -> CatalogueView {
        let mut view = CatalogueView {
            systems: rows.systems.into_iter().collect(),
            consent_types: rows.consent_types,
            tools: rows.tools.into_iter().collect(),
            ..CatalogueView::default()
        };
        for (id, system) in rows.categories {
            view.categories.insert(
                id,
                CategoryView {
                    system,
                    fields: Vec::new(),
                },
            );
        }
        for (cat, field) in rows.fields {
            if let Some(v) = view.categories.get_mut(&cat) {
                v.fields.push(field);
            }
        }
        view
    }
}

/// [`Store::catalogue_view`] on a connection (the demo generator builds its database in one transaction).
pub(crate) fn catalogue_view_in(c: &Connection) -> StoreResult<CatalogueView> {
    let q = |sql: &str| format!("{sql} WHERE version_id = {CURRENT}");
    let pairs = |sql: &str| -> StoreResult<Vec<(String, String)>> {
        let mut st = c.prepare(&q(sql))?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let mut rows = ViewRows {
        systems: pairs("SELECT id, name FROM cat_systems")?,
        categories: pairs("SELECT id, system_id FROM cat_categories")?,
        fields: pairs("SELECT category_id, id FROM cat_category_fields")?,
        ..ViewRows::default()
    };
    for row in c
        .prepare(&q("SELECT id FROM cat_consent_types"))?
        .query_map([], |r| r.get::<_, String>(0))?
    {
        rows.consent_types.push(row?);
    }
    for row in c
        .prepare(&q("SELECT id, system_id FROM cat_decision_tools"))?
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
    {
        rows.tools.push(row?);
    }
    Ok(CatalogueView::from_rows(rows))
}
