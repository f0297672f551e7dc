//! Sorting off the hot paths through one compiled sort.
//!
//! Each `sort_by` of the standard library is compiled anew for every element type and
//! comparator, 2 to 16 KB of wasm each (a third of the package's code went to 26 copies).
//! Lists sorted once per call (currencies, accounts, holidays) go through [`sort_by`]: one
//! sort of positions with a comparator behind a reference, then the elements swapped into
//! place, cycle by cycle.
//! The per-account sorts of allocation, which run over every record, keep their own.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them, ties kept in position order
/// (a stable sort).
///
/// A merge sort, bottom up: a few hundred bytes of wasm where the standard library's sort of
/// `usize` with this comparator was 8 KB (DESIGN.md, "Size"). Two runs already in order are
/// joined with one comparison, so a list that is sorted already costs about `len` of them.
///
/// ```ignore
/// let names = ["b", "a", "c"];
/// assert_eq!(order_by(3, &|i, j| names[i].cmp(names[j])), [1, 0, 2]);
/// ```
pub(crate) fn order_by(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for (runs, out) in order.chunks(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (left, right) = runs.split_at(width.min(runs.len()));
            merge(left, right, out, compare);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Merges the ordered runs `left` and `right` into `out` (as long as both), the left first
/// among equals.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    compare: &dyn Fn(usize, usize) -> Ordering,
) {
    let in_order = match (left.last(), right.first()) {
        (Some(&l), Some(&r)) => compare(l, r) != Ordering::Greater,
        _ => true,
    };
    let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
    for slot in out {
        let next = match (left.peek(), right.peek()) {
            (Some(&&l), Some(&&r)) if !in_order && compare(l, r) == Ordering::Greater => {
                right.next()
            }
            (Some(_), _) => left.next(),
            (None, _) => right.next(),
        };
        *slot = next.copied().unwrap_or_default();
    }
}

/// Sorts `list` by `compare`, stably.
#[doc(hidden)] // pub for arrears-cold (crates/cold), which compiles the modules that use it
pub fn sort_by<T>(list: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    let order = order_by(list.len(), &|i, j| match (list.get(i), list.get(j)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    for (a, b) in swaps(&order) {
        if a.max(b) < list.len() {
            list.swap(a, b);
        }
    }
}

/// The swaps that put a list in `order` (`order[k]` is the position of the element that goes
/// to `k`), one cycle of the permutation after another: the part of [`sort_by`] that is the
/// same for every element type, here once.
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    let mut placed = vec![false; order.len()];
    let mut swaps = Vec::new();
    for start in 0..order.len() {
        let mut at = start;
        while let (Some(&from), Some(false)) = (order.get(at), placed.get(at).copied()) {
            if let Some(done) = placed.get_mut(at) {
                *done = true;
            }
            if from == start {
                break;
            }
            swaps.push((at, from));
            at = from;
        }
    }
    swaps
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

    #[test]
    fn swaps_apply_the_order_cycle_by_cycle() {
        // [a, b, c, d] in order [2, 0, 1, 3] is [c, a, b, d]: one cycle of three, d in place.
        assert_eq!(swaps(&[2, 0, 1, 3]), [(0, 2), (2, 1)]);
        assert_eq!(swaps(&[1, 0, 3, 2]), [(0, 1), (2, 3)]);
        assert_eq!(swaps(&[]), []);
    }

    proptest::proptest! {
        /// Any list, of any length, in order or not: the positions the standard library's
        /// stable sort gives.
        #[test]
        fn orders_as_the_standard_stable_sort(
            keys in proptest::collection::vec(0u8..8, 0..300),
            sorted in proptest::bool::ANY,
        ) {
            let mut keys = keys;
            if sorted {
                keys.sort_unstable();
            }
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            proptest::prop_assert_eq!(order_by(keys.len(), &|i, j| keys[i].cmp(&keys[j])), expected);
        }

        /// Sorting pairs by their key alone keeps equal keys in their first order, as the
        /// standard library's stable sort does.
        #[test]
        fn sorts_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let mut pairs: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = pairs.clone();
            expected.sort_by_key(|p| p.0);
            sort_by(&mut pairs, &|a, b| a.0.cmp(&b.0));
            proptest::prop_assert_eq!(pairs, expected);
        }
    }
}
