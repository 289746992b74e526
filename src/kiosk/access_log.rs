//! The access log on the kiosk: a window of a few pages over a log that may hold 100,000 entries.
//!
//! Pages are fetched lazily as the citizen scrolls, with keyset cursors. Only [`MAX_PAGES`] pages are held
//! at once; the cursors of the pages before them are kept (16 bytes each), so scrolling back refetches.

use crate::domain::port::{Organisation, SourceError};
use crate::domain::{AccessCursor, AccessEvent, AccessFilter, AccessPage, Action};
use jiff::{SignedDuration, Timestamp};
use std::collections::VecDeque;

use super::model::Loadable;

/// Entries per page.
pub const PAGE_SIZE: u32 = 50;
/// Pages held in memory at once.
pub const MAX_PAGES: usize = 3;
/// When the selection comes this close to the end of what is held, the next page is fetched.
const PREFETCH_MARGIN: usize = 10;

/// The period filter, relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    All,
    Last30Days,
    Last12Months,
    Last5Years,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::All,
        Period::Last30Days,
        Period::Last12Months,
        Period::Last5Years,
    ];

    /// The Fluent id of its name.
    pub fn message_id(self) -> &'static str {
        match self {
            Period::All => "period-all",
            Period::Last30Days => "period-30-days",
            Period::Last12Months => "period-12-months",
            Period::Last5Years => "period-5-years",
        }
    }

    /// The earliest time the period covers.
    pub fn from(self, now: Timestamp) -> Option<Timestamp> {
        let days = match self {
            Period::All => return None,
            Period::Last30Days => 30,
            Period::Last12Months => 365,
            Period::Last5Years => 5 * 365 + 1,
        };
        now.checked_sub(SignedDuration::from_hours(24 * days)).ok()
    }

    pub fn next(self) -> Period {
        let i = Period::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Period::ALL[(i + 1) % Period::ALL.len()]
    }
}

/// A page the kiosk wants: which one, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub page: usize,
    pub filter: AccessFilter,
    pub after: Option<AccessCursor>,
    pub limit: u32,
}

/// The access log's state on the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccessLog {
    pub period: Period,
    /// The filter sent to the source (its `from` follows `period`).
    pub filter: AccessFilter,
    pub organisations: Loadable<Vec<Organisation>>,
    /// `starts[k]` is the cursor page `k` starts after (`None` for the first page).
    starts: Vec<Option<AccessCursor>>,
    /// The index of the first page held.
    first: usize,
    pages: VecDeque<Vec<AccessEvent>>,
    /// The index of the last page, once it is known.
    last_page: Option<usize>,
    /// The page being fetched.
    pub loading: Option<usize>,
    pub error: Option<SourceError>,
    /// The selected entry, as an index into the whole (filtered) log.
    pub selected: usize,
}

impl AccessLog {
    /// Starts over with a new filter: drops every page and asks for the first.
    pub fn restart(&mut self) -> Option<PageRequest> {
        self.starts = vec![None];
        self.first = 0;
        self.pages.clear();
        self.last_page = None;
        self.loading = None;
        self.error = None;
        self.selected = 0;
        self.request(0)
    }

    /// Whether nothing has been asked for yet.
    pub fn is_fresh(&self) -> bool {
        self.starts.is_empty()
    }

    fn request(&mut self, page: usize) -> Option<PageRequest> {
        if self.loading.is_some() {
            return None;
        }
        let after = *self.starts.get(page)?;
        self.loading = Some(page);
        self.error = None;
        Some(PageRequest {
            page,
            filter: self.filter.clone(),
            after,
            limit: PAGE_SIZE,
        })
    }

    /// Takes in a fetched page. Pages that no longer fit the window (or a stale one) are ignored.
    pub fn receive(&mut self, page: usize, result: Result<AccessPage, SourceError>) {
        if self.loading != Some(page) {
            return;
        }
        self.loading = None;
        let data = match result {
            Ok(data) => data,
            Err(e) => {
                self.error = Some(e);
                return;
            }
        };
        match data.next {
            Some(cursor) => {
                if self.starts.len() == page + 1 {
                    self.starts.push(Some(cursor));
                }
            }
            None => self.last_page = Some(page),
        }
        let held_end = self.first + self.pages.len();
        if self.pages.is_empty() {
            self.first = page;
            self.pages.push_back(data.entries);
        } else if page == held_end {
            self.pages.push_back(data.entries);
            if self.pages.len() > MAX_PAGES {
                self.pages.pop_front();
                self.first += 1;
            }
        } else if page + 1 == self.first {
            self.pages.push_front(data.entries);
            self.first = page;
            if self.pages.len() > MAX_PAGES {
                self.pages.pop_back();
            }
        }
    }

    /// The absolute indices of the entries held.
    pub fn held(&self) -> std::ops::Range<usize> {
        let start = self.first * PAGE_SIZE as usize;
        let len: usize = self.pages.iter().map(Vec::len).sum();
        start..start + len
    }

    /// The entry at an absolute index, if it is held.
    pub fn entry(&self, index: usize) -> Option<&AccessEvent> {
        let page = index / PAGE_SIZE as usize;
        let offset = index % PAGE_SIZE as usize;
        self.pages.get(page.checked_sub(self.first)?)?.get(offset)
    }

    pub fn selected_entry(&self) -> Option<&AccessEvent> {
        self.entry(self.selected)
    }

    /// The number of entries, when the last page has been seen.
    pub fn total(&self) -> Option<usize> {
        let last = self.last_page?;
        if last + 1 == self.first + self.pages.len() {
            let len = self.pages.back().map(Vec::len).unwrap_or(0);
            Some(last * PAGE_SIZE as usize + len)
        } else {
            Some((last + 1) * PAGE_SIZE as usize)
        }
    }

    /// Whether the whole log (under the filter) is empty.
    pub fn is_empty(&self) -> bool {
        self.total() == Some(0)
    }

    /// Moves the selection by `delta` within what is held, and asks for the next or previous page
    /// when the selection nears the edge of the window.
    pub fn move_by(&mut self, delta: isize) -> Option<PageRequest> {
        let held = self.held();
        if held.is_empty() {
            return None;
        }
        let target = (self.selected as isize + delta).max(0) as usize;
        self.selected = target.clamp(held.start, held.end - 1);
        if self.selected + PREFETCH_MARGIN >= held.end {
            let next = held.end / PAGE_SIZE as usize;
            if self.last_page.is_none_or(|last| next <= last) && held.end % PAGE_SIZE as usize == 0
            {
                return self.request(next);
            }
        }
        if self.selected < held.start + PREFETCH_MARGIN && self.first > 0 {
            return self.request(self.first - 1);
        }
        None
    }

    /// Sets the organisation list for the filter screen.
    pub fn set_organisations(&mut self, result: Result<Vec<Organisation>, SourceError>) {
        self.organisations = Loadable::from_result(result);
    }

    /// Cycles the action filter: all → viewed → … → exported → all.
    pub fn cycle_action(&mut self) {
        self.filter.action = match self.filter.action {
            None => Some(Action::ALL[0]),
            Some(a) => {
                let i = Action::ALL.iter().position(|x| *x == a).unwrap_or(0);
                Action::ALL.get(i + 1).copied()
            }
        };
    }

    /// The number of pages held (for tests and benchmarks of memory).
    pub fn pages_held(&self) -> usize {
        self.pages.len()
    }
}
