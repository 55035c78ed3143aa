/// Writes the bytes `JSONValue.serializedBytes()` would, straight from values, for the documents written once per quiz
/// (bundle, content document, page data): no tree, no dictionaries, no key sorting. Members must be written with their
/// keys in UTF-8 byte order, as `JSONValue` sorts them (debug builds check it); tests compare every document with its
/// `JSONValue` form.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Per open container, innermost last: whether nothing has been written in it yet.
    private var empty: [Bool] = []
    #if DEBUG
    /// Per open container: the last key written (objects only).
    private var lastKeys: [String?] = []
    #endif

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The document with its final newline.
    consuming func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    /// `{ … }`: `body` writes the members with `key(_:)` before each value.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// `[ … ]`: `body` writes the items with `item()` before each.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    /// An array of strings.
    mutating func array(_ strings: [String]) {
        array { writer in
            for string in strings {
                writer.item()
                writer.string(string)
            }
        }
    }

    /// The member `name` of the innermost object with a string (or null) value.
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    mutating func field(_ name: String, strings: [String]) {
        key(name)
        array(strings)
    }

    /// The member `name` holding an object that `body` writes.
    mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    /// The member `name` holding an array that `body` writes.
    mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    /// Starts the member `name` of the innermost object; its value comes next.
    mutating func key(_ name: String) {
        #if DEBUG
        if let last = lastKeys[lastKeys.count - 1] {
            precondition(JSONValue.precedes(last, name), "JSON keys out of order: \(last) before \(name)")
        }
        lastKeys[lastKeys.count - 1] = name
        #endif
        separate()
        JSONValue.writeString(name, to: &bytes)
        bytes.append(0x3A)
        bytes.append(0x20)
    }

    /// Starts the next item of the innermost array.
    mutating func item() {
        separate()
    }

    mutating func string(_ value: String) {
        JSONValue.writeString(value, to: &bytes)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        JSONValue.int(value).write(to: &bytes, indent: indent)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value built as a `JSONValue`, at the current indentation.
    mutating func value(_ value: JSONValue) {
        value.write(to: &bytes, indent: indent)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        indent += 2
        empty.append(true)
        #if DEBUG
        lastKeys.append(nil)
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        if empty.removeLast() == false {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: indent))
        }
        bytes.append(bracket)
        #if DEBUG
        lastKeys.removeLast()
        #endif
    }

    /// `,` after an earlier member or item, then a new line at the container's indentation.
    private mutating func separate() {
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(0x2C)
        }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent))
    }
}
