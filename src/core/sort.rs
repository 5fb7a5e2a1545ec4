//! One stable sort for the whole program.
//!
//! `slice::sort_by` is generic over its comparison, so every call site with its own closure
//! brings its own copy of the standard library's sort (3–5 KB of wasm each): some twenty
//! copies came to about 90 KB of the page's 1.6 MB of wasm. These functions sort a list of
//! positions with the comparison behind `dyn`, so the sort itself is in the binary once, then
//! move the items into that order. The cost, an index list and a call through a pointer per
//! comparison, is small beside the comparisons themselves (text, distances).

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` by a key, keeping equal items in their order (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instance of the standard library's sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Puts `items[order[k]]` at `k` for every `k`, following each cycle of the permutation with
/// swaps (no copy of the items, no `Clone` needed); `order` is used up.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        // Each swap brings an item home; the item that was at `start` travels along the cycle
        // and lands in its last place.
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::Rng;

    #[test]
    fn matches_the_standard_library_and_stays_stable() {
        let mut rng = Rng::new(7);
        for len in 0..200 {
            // Few distinct keys, so that stability is tested: the payload tells the items apart.
            let items: Vec<(u64, usize)> = (0..len).map(|i| (rng.below(8) as u64, i)).collect();
            let mut ours = items.clone();
            let mut theirs = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs, "length {len}");
            let mut ours = items.clone();
            let mut theirs = items;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, theirs, "length {len}, reversed");
        }
    }

    #[test]
    fn sorts_items_that_cannot_be_copied() {
        let mut words: Vec<String> = ["zorg", "techniek", "bouw", "ict", "bouw"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["bouw", "bouw", "ict", "techniek", "zorg"]);
    }
}
