package keyflow

import "sort"

// unionKeys returns the keys of the maps the items hold, merged and
// sorted: the names defined in any build variant, the config keys of any
// embedded file.
func unionKeys[T, V any](items []T, m func(T) map[string]V) []string {
	seen := map[string]bool{}
	for _, it := range items {
		for k := range m(it) {
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// groupByFingerprint groups the items by the fingerprint of the value
// each holds, groups in the order their first item comes; items for which
// fp reports false hold no value and are left out.
func groupByFingerprint[T any](items []T, fp func(T) (uint64, bool)) [][]T {
	groups := map[uint64][]T{}
	var order []uint64
	for _, it := range items {
		k, ok := fp(it)
		if !ok {
			continue
		}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], it)
	}
	out := make([][]T, 0, len(order))
	for _, k := range order {
		out = append(out, groups[k])
	}
	return out
}
