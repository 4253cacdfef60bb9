/// Every indexed word's postings and the shards they make (see `SearchIndex`), kept between plans:
/// an edit to one briefing updates the postings of the words it added, removed or moved between
/// fields, and lays out again only the shards under those words' root keys, so the other shards
/// keep their inputs (and their files).
///
/// A function of the rows alone: a rebuild after edits holds exactly what a clean build makes.
struct SearchTermIndex {
    /// The rows' words the postings were made from, in site order, and their result numbers.
    private var rows: [SearchTerms] = []
    private var numbers: [Int] = []
    private var postings: [String: Hashed<SearchPostings>] = [:]
    /// The terms under each root key (`SearchIndex.rootKey`).
    private var rootTerms: [String: Set<String>] = [:]
    private var limit = 0
    private(set) var layout = Layout()

    /// The shards, by root key in sorted order, with every shard key and split key sorted.
    struct Layout {
        var roots: [(root: String, shards: [SearchShard])] = []
        var keys: [String] = []
        var split: [String] = []
    }

    /// Brings the postings and layout up to `rows`, numbered `numbers` (`SearchIndex.numbers`).
    /// Returns the root keys whose shards were laid out again, or nil when everything was (first
    /// build, or most results renumbered). Results keep their numbers when others are added or
    /// removed, so that changes the postings of the briefings added or removed alone.
    mutating func update(rows next: [SearchTerms], numbers nextNumbers: [Int], limit: Int) -> Set<String>? {
        // Per result number whose row changed: its terms before and after (nil: no such result).
        var changed: [(number: Int, old: SearchTerms, new: SearchTerms)] = []
        if limit == self.limit, !rows.isEmpty || next.isEmpty {
            if nextNumbers == numbers {
                for b in next.indices where next[b] != rows[b] { changed.append((numbers[b], rows[b], next[b])) }
            } else {
                let before = Dictionary(uniqueKeysWithValues: zip(numbers, rows))
                let after = Set(nextNumbers)
                for (n, row) in zip(nextNumbers, next) where before[n] != row {
                    changed.append((n, before[n] ?? SearchTerms(), row))
                }
                for (n, row) in zip(numbers, rows) where !after.contains(n) { changed.append((n, row, SearchTerms())) }
            }
        }
        // Renumbering touches most postings: past a quarter of the site, start over.
        guard limit == self.limit, !rows.isEmpty || next.isEmpty, changed.count <= max(8, next.count / 4) else {
            rebuild(next, numbers: nextNumbers, limit: limit)
            return nil
        }
        rows = next
        numbers = nextNumbers
        guard !changed.isEmpty else { return [] }
        var dirtyTerms: [String: [(number: Int, fields: UInt8?)]] = [:]
        for (b, old, new) in changed {
            let old = Array(old), new = Array(new)
            var i = 0, j = 0
            while i < old.count || j < new.count {
                if j == new.count || (i < old.count && old[i].term < new[j].term) {
                    dirtyTerms[old[i].term, default: []].append((b, nil))
                    i += 1
                } else if i == old.count || new[j].term < old[i].term {
                    dirtyTerms[new[j].term, default: []].append((b, new[j].fields))
                    j += 1
                } else {
                    if old[i].fields != new[j].fields { dirtyTerms[new[j].term, default: []].append((b, new[j].fields)) }
                    i += 1
                    j += 1
                }
            }
        }
        var dirtyRoots: Set<String> = []
        for (term, edits) in dirtyTerms {
            var list = postings[term]?.value.postings ?? []
            for edit in edits {
                let number = UInt64(edit.number)
                // First posting of a briefing numbered `number` or more.
                var low = 0, high = list.count
                while low < high {
                    let mid = (low + high) / 2
                    if list[mid] >> 4 < number { low = mid + 1 } else { high = mid }
                }
                let present = low < list.count && list[low] >> 4 == number
                switch (present, edit.fields) {
                case (true, nil): list.remove(at: low)
                case (true, let fields?): list[low] = number << 4 | UInt64(fields)
                case (false, let fields?): list.insert(number << 4 | UInt64(fields), at: low)
                case (false, nil): break
                }
            }
            let root = SearchIndex.rootKey(term)
            dirtyRoots.insert(root)
            if list.isEmpty {
                postings[term] = nil
                rootTerms[root]?.remove(term)
                if rootTerms[root]?.isEmpty == true { rootTerms[root] = nil }
            } else {
                postings[term] = Hashed(SearchPostings(term: term, postings: list))
                rootTerms[root, default: []].insert(term)
            }
        }
        var roots = Dictionary(uniqueKeysWithValues: layout.roots.map { ($0.root, $0.shards) })
        var splits = Dictionary(grouping: layout.split, by: SearchIndex.rootKey)
        for root in dirtyRoots {
            guard let terms = rootTerms[root] else {
                roots[root] = nil
                splits[root] = nil
                continue
            }
            var split: [String] = []
            roots[root] = SearchIndex.shards(root: root, terms: terms.sorted().map { postings[$0]! }, limit: limit, split: &split)
            splits[root] = split
        }
        layout = Self.layout(roots, splits: splits)
        return dirtyRoots
    }

    private mutating func rebuild(_ next: [SearchTerms], numbers: [Int], limit: Int) {
        rows = next
        self.numbers = numbers
        self.limit = limit
        var made: [String: [UInt64]] = [:]
        for (n, row) in zip(numbers, next) {
            for term in row { made[term.term, default: []].append(UInt64(n) << 4 | UInt64(term.fields)) }
        }
        var roots: [String: [String]] = [:]
        for term in made.keys { roots[SearchIndex.rootKey(term), default: []].append(term) }
        let (lists, byRoot) = (made, roots)
        let sortedRoots = byRoot.keys.sorted()
        let laidOut = concurrentMap(sortedRoots) { root -> (postings: [Hashed<SearchPostings>], shards: [SearchShard], split: [String]) in
            let terms = byRoot[root]!.sorted().map { Hashed(SearchPostings(term: $0, postings: lists[$0]!.withoutSpareCapacity())) }
            var split: [String] = []
            let shards = SearchIndex.shards(root: root, terms: terms, limit: limit, split: &split)
            return (terms, shards, split)
        }
        postings = [:]
        postings.reserveCapacity(lists.count)
        rootTerms = [:]
        var shards: [String: [SearchShard]] = [:], splits: [String: [String]] = [:]
        for (root, result) in zip(sortedRoots, laidOut) {
            for term in result.postings { postings[term.value.term] = term }
            rootTerms[root] = Set(byRoot[root]!)
            shards[root] = result.shards
            splits[root] = result.split
        }
        layout = Self.layout(shards, splits: splits)
    }

    private static func layout(_ roots: [String: [SearchShard]], splits: [String: [String]]) -> Layout {
        var layout = Layout()
        for root in roots.keys.sorted() {
            let shards = roots[root]!
            layout.roots.append((root, shards))
            layout.keys += shards.map(\.key)
        }
        layout.keys.sort()
        layout.split = splits.values.flatMap { $0 }.sorted()
        return layout
    }
}
