/// A hash table keyed by runs of Unicode scalars (a word of a page), so that a lookup builds no String.
///
/// Keys compare scalar by scalar, which is finer than String equality (canonically equivalent
/// spellings are two keys): callers store only values that are the same for every spelling of a
/// word, so the finer key changes no answer. The table belongs to one thread (see `WordCaches`).
struct ScalarKeyTable<Value> {
    /// Every key, end to end.
    private var keys: [Unicode.Scalar] = []
    /// Per entry, in separate arrays so that probing reads no value: where its key is, its hash, its value.
    private var keyStarts: [Int] = []
    private var keyCounts: [Int] = []
    private var hashes: [Int] = []
    private var values: [Value] = []
    /// Open addressing: an index into the entries plus one, 0 for an empty slot.
    private var slots: [Int32]
    /// A site's vocabulary fits many times over; past this the table starts again rather than grow for ever.
    private let limit: Int

    init(limit: Int = 1 << 18) {
        self.limit = limit
        slots = Array(repeating: 0, count: 1024)
    }

    /// The value stored for `key`, made by `make` and stored the first time.
    mutating func value<Key: Collection<Unicode.Scalar>>(for key: Key, orInsert make: () -> Value) -> Value {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash && keyCounts[entry] == key.count && equals(keyAt: keyStarts[entry], key) { return values[entry] }
            slot = (slot + 1) & mask
        }
        let value = make()
        if values.count >= limit {
            self = ScalarKeyTable(limit: limit)
            _ = self.value(for: key) { value }
            return value
        }
        keyStarts.append(keys.count)
        keyCounts.append(key.count)
        hashes.append(hash)
        values.append(value)
        keys.append(contentsOf: key)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
        return value
    }

    @inline(__always)
    private func equals<Key: Collection<Unicode.Scalar>>(keyAt start: Int, _ key: Key) -> Bool {
        var stored = start
        for scalar in key {
            if keys[stored] != scalar { return false }
            stored += 1
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// FNV-1a over the scalar values, then a final mix so that the low bits (the slot) depend on every scalar.
    @inline(__always)
    private static func hash<Key: Collection<Unicode.Scalar>>(_ key: Key) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in key { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        hash ^= hash >> 32
        hash = hash &* 0x9e37_79b9_7f4a_7c15
        return Int(truncatingIfNeeded: hash >> 20)
    }
}
