//! Sorting for the core without the standard library's sorts: each element type the standard sorts
//! are used with adds its own copy of their quicksort and driftsort (2–4 KB of wasm each, ≈ 17 KB in
//! the widget's first download). Here one small merge sort over indices serves every caller.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as the standard `sort_by` does: items it finds `Equal` keep
/// their order. (An `Ordering`, not a "goes before" `bool`: a `<=` there would put equal items in
/// reverse order.)
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// For each key, the position of the first equal key before it (`None` for a first use, and for
/// no key): found by sorting, O(n log n), where comparing each key with every earlier one would be
/// quadratic. One function for ids in sets and keys in documents alike, so the wasm holds it once.
pub fn earlier_uses(keys: &[Option<&str>]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].is_some()).collect();
    // Stable: the positions of one key stay in order, so each run starts with its first use.
    sort_by(&mut order, |&a, &b| keys[a].cmp(&keys[b]));
    let mut earlier = vec![None; keys.len()];
    let mut first = 0;
    for (k, &position) in order.iter().enumerate() {
        if k > 0 && keys[order[k - 1]] == keys[position] {
            earlier[position] = Some(first);
        } else {
            first = position;
        }
    }
    earlier
}

/// The indices `0..len` in stably sorted order: a bottom-up merge sort, O(n log n), not generic, so
/// the wasm holds it once.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The right run's item goes first only when strictly less: that keeps the sort stable.
                if right < end && (left >= middle || compare(order[right], order[left]).is_lt()) {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_the_order_of_equals() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut items, |a, b| b.0.cmp(&a.0));
        assert_eq!(items, vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')], "descending, equals still in order");
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn equal_items_keep_their_order() {
        // All equal, in runs of every length the merge meets: none may move.
        for len in 0..40 {
            let mut items: Vec<usize> = (0..len).collect();
            sort_by(&mut items, |_, _| Ordering::Equal);
            assert_eq!(items, (0..len).collect::<Vec<_>>());
        }
        let mut ids = vec![("b", 0), ("a", 1), ("b", 2), ("a", 3), ("b", 4)];
        sort_by(&mut ids, |x, y| x.0.cmp(y.0));
        assert_eq!(ids, vec![("a", 1), ("a", 3), ("b", 0), ("b", 2), ("b", 4)]);
    }

    proptest! {
        // The standard stable sort is what this one is checked against; a test never reaches the wasm.
        #[allow(clippy::disallowed_methods)]
        #[test]
        fn matches_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut standard = items;
            standard.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, standard);
        }
    }
}
