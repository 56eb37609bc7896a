/// A random number generator that gives the same numbers for the same seed on every machine
/// (SplitMix64), so that a failing sequence of edits is replayed from its seed alone.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// True with the given chance (0…1).
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < probability
    }

    /// One of the elements, or nil when there is none. (`randomElement(using:)` is not promised to
    /// draw the same way in every version of the standard library; this is.)
    mutating func pick<T>(_ elements: [T]) -> T? {
        elements.isEmpty ? nil : elements[Int(next() % UInt64(elements.count))]
    }

    /// A number in `range`, drawn the same way everywhere.
    mutating func number(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
