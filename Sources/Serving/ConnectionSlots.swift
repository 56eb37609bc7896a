/// How many connections are open, against how many may be: the server's cap, so that a flood of
/// clients gets 503 answers instead of taking every descriptor of the process.
actor ConnectionSlots {
    private let limit: Int
    private(set) var open = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot; false when all are taken.
    func take() -> Bool {
        guard open < limit else { return false }
        open += 1
        return true
    }

    func free() {
        open -= 1
    }
}
