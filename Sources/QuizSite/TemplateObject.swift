/// The members of a template object, by name. A page is many small objects, each read by name a few dozen times: an
/// open-addressing table over a hash of a name's length and end bytes builds and answers faster than a `Dictionary`,
/// whose seeded SipHash of every byte was most of the cost of building and reading page contexts.
struct TemplateObject: ExpressibleByDictionaryLiteral {
    /// In insertion order.
    private(set) var members: [(String, TemplateValue)]
    /// Per slot: 0 when empty, else the index of a member plus one. A power of two at least four times the member
    /// count, so a probe rarely meets another name.
    private var slots: [UInt32]

    init() {
        members = []
        slots = []
    }

    /// Names must not repeat (debug builds trap, as a `Dictionary` literal does).
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        members = elements
        slots = []
        rebuildSlots(minimumCount: elements.count)
    }

    var count: Int { members.count }

    /// The member named `name`; setting nil removes it.
    subscript(name: String) -> TemplateValue? {
        get {
            guard let index = index(of: name) else { return nil }
            return members[index].1
        }
        set {
            if let index = index(of: name) {
                if let newValue {
                    members[index].1 = newValue
                } else {
                    members.remove(at: index)
                    rebuildSlots(minimumCount: members.count)
                }
            } else if let newValue {
                members.append((name, newValue))
                if members.count * 4 > slots.count { rebuildSlots(minimumCount: members.count) } else { place(members.count - 1) }
            }
        }
    }

    /// The same members as a `Dictionary`.
    var dictionary: [String: TemplateValue] {
        Dictionary(members, uniquingKeysWith: { _, last in last })
    }

    private func index(of name: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if members[entry - 1].0 == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rebuildSlots(minimumCount: Int) {
        var size = 8
        while size < minimumCount * 4 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        for index in members.indices { place(index) }
    }

    /// Files member `index` in the first free slot from its name's hash.
    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Self.hash(members[index].0) & mask
        while slots[slot] != 0 {
            assert(members[Int(slots[slot]) - 1].0 != members[index].0, "template object with the name \(members[index].0) twice")
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt32(index + 1)
    }

    /// From the UTF-8 length and the first two and last bytes: cheap, and enough to tell the names of a context apart.
    private static func hash(_ name: String) -> Int {
        let mixed = name.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            guard let first = bytes.first, let last = bytes.last else { return 0 }
            let second = bytes.count > 1 ? bytes[1] : 0
            return UInt64(bytes.count) | UInt64(first) << 8 | UInt64(second) << 16 | UInt64(last) << 24
        } ?? UInt64(name.utf8.count)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
