//! Sorting off the hot paths through one compiled sort.
//!
//! Each `sort_by` of the standard library is compiled anew for every element type and
//! comparator, 2 to 16 KB of wasm each (a third of the package's code went to 26 copies).
//! Lists sorted once per call (currencies, accounts, holidays) go through [`sort_by`]: one
//! sort of positions with a comparator behind a reference, and a cheap move of the elements.
//! The per-account sorts of allocation, which run over every record, keep their own.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them, ties kept in position order
/// (a stable sort).
///
/// ```ignore
/// let names = ["b", "a", "c"];
/// assert_eq!(order_by(3, &|i, j| names[i].cmp(names[j])), [1, 0, 2]);
/// ```
pub(crate) fn order_by(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&i, &j| compare(i, j).then(i.cmp(&j)));
    order
}

/// Sorts `list` by `compare`, stably.
#[doc(hidden)] // pub for arrears-cold (crates/cold), which compiles the modules that use it
pub fn sort_by<T>(list: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = order_by(list.len(), &|i, j| match (list.get(i), list.get(j)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = std::mem::take(list).into_iter().map(Some).collect();
    list.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `list` in its natural order and drops repeats.
#[doc(hidden)] // pub for arrears-cold
pub fn sort_dedup<T: Ord>(list: &mut Vec<T>) {
    sort_by(list, &|a, b| a.cmp(b));
    list.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_sort_does() {
        let mut pairs: Vec<(u8, u32)> = (0..500u32).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        sort_by(&mut pairs, &|a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, expected);
        let mut numbers = vec![3, 1, 3, 2, 1];
        sort_dedup(&mut numbers);
        assert_eq!(numbers, [1, 2, 3]);
        assert_eq!(order_by(0, &|_, _| Ordering::Equal), Vec::<usize>::new());
    }
}
