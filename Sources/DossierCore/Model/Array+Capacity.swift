extension Array {
    /// A copy without the spare capacity appending leaves (up to as much again as the elements),
    /// for arrays kept long after they were filled; `self` when there is little.
    func withoutSpareCapacity() -> [Element] {
        guard capacity > count + count / 8 + 2 else { return self }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
