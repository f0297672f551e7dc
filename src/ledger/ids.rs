//! Unique ids and where each one is: what [`Book::new`](super::Book::new) checks, and how it
//! finds the invoice an application names.

use super::records::{too_many, Invoice, Receipt};
use crate::error::{Error, ErrorCode, Result};
use foldhash::fast::FixedState;
use hashbrown::hash_table::{Entry, HashTable};
use std::hash::BuildHasher;

/// The position of every record of one list, found by its id.
///
/// A table of 4-byte positions hashed by the ids they point to in the list itself: a map of
/// id to position takes three times the memory, and at a million ids its cache misses are the
/// cost (bench/README.md). foldhash with a fixed seed, as for
/// [`FastMap`](super::records::FastMap).
pub(crate) struct IdIndex(HashTable<u32>);

/// A record with an id.
pub(crate) trait Identified {
    /// The id.
    fn id(&self) -> &str;
}

impl<Id: AsRef<str>> Identified for Invoice<Id> {
    fn id(&self) -> &str {
        self.id.as_ref()
    }
}

impl<Id: AsRef<str>> Identified for Receipt<Id> {
    fn id(&self) -> &str {
        self.id.as_ref()
    }
}

impl IdIndex {
    /// Indexes `records`, the list named `list` (`"invoices"`): the first id seen before is
    /// [`ErrorCode::DuplicateId`] at its own position (`invoices[7].id`).
    pub(crate) fn unique<R: Identified>(records: &[R], list: &str) -> Result<IdIndex> {
        let id_at = |j: &u32| records.get(*j as usize).map_or("", R::id);
        let mut table = HashTable::with_capacity(records.len());
        for (i, record) in records.iter().enumerate() {
            let index = u32::try_from(i).map_err(|_| too_many())?;
            let id = record.id();
            match table.entry(hash(id), |j| id_at(j) == id, |j| hash(id_at(j))) {
                Entry::Vacant(slot) => {
                    slot.insert(index);
                }
                Entry::Occupied(_) => {
                    let shown: String = id.chars().take(40).collect();
                    return Err(Error::new(
                        ErrorCode::DuplicateId,
                        format!("the id '{shown}' is used twice in {list}"),
                    )
                    .at(format!("{list}[{i}].id")));
                }
            }
        }
        Ok(IdIndex(table))
    }

    /// The position of the record with `id` in `records`, the list the index was built from.
    pub(crate) fn find<R: Identified>(&self, records: &[R], id: &str) -> Option<u32> {
        let is_it = |j: &u32| records.get(*j as usize).is_some_and(|r| r.id() == id);
        self.0.find(hash(id), is_it).copied()
    }
}

fn hash(id: &str) -> u64 {
    FixedState::default().hash_one(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipts<'a>(ids: &[&'a str]) -> Result<Vec<Receipt<&'a str>>> {
        let date = crate::dates::parse_date("2024-01-31")?;
        let receipt = |id| Receipt {
            id,
            account: 0,
            date,
            amount: 1,
        };
        Ok(ids.iter().copied().map(receipt).collect())
    }

    #[test]
    fn finds_every_id_at_its_position() -> Result<()> {
        let list = receipts(&["P1", "P2", "", "Müller"])?;
        let index = IdIndex::unique(&list, "payments")?;
        assert_eq!(index.find(&list, "P2"), Some(1));
        assert_eq!(index.find(&list, ""), Some(2));
        assert_eq!(index.find(&list, "Müller"), Some(3));
        assert_eq!(index.find(&list, "P3"), None);
        Ok(())
    }

    #[test]
    fn the_first_repeat_is_the_error() -> Result<()> {
        let list = receipts(&["A", "B", "C", "B", "A"])?;
        let e = IdIndex::unique(&list, "credits").err();
        assert_eq!(e.as_ref().map(Error::code), Some(ErrorCode::DuplicateId));
        assert_eq!(
            e.as_ref().map(Error::path).as_deref(),
            Some("credits[3].id")
        );
        Ok(())
    }

    #[test]
    fn a_hundred_thousand_ids_all_found() -> Result<()> {
        let owned: Vec<String> = (0..100_000).map(|i| format!("INV-{i}")).collect();
        let ids: Vec<&str> = owned.iter().map(String::as_str).collect();
        let list = receipts(&ids)?;
        let index = IdIndex::unique(&list, "invoices")?;
        let found = (0..100_000u32).all(|i| index.find(&list, &format!("INV-{i}")) == Some(i));
        assert!(found);
        Ok(())
    }
}
