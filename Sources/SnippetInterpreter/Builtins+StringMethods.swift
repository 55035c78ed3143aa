extension Interpreter {
    func string(_ value: PyValue, _ what: String) throws -> String {
        guard case .str(let s) = value else {
            throw typeError("\(what) must be str, not \(typeOf(value).name)")
        }
        return s
    }

    func optionalInt(_ value: PyValue, default defaultValue: Int) throws -> Int {
        if value.isNone { return defaultValue }
        guard let i = intValue(value) else {
            throw typeError("'\(typeOf(value).name)' object cannot be interpreted as an integer")
        }
        return i
    }

    static func isPythonSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{1C}" || c == "\u{1D}" || c == "\u{1E}" || c == "\u{1F}" || c == "\u{85}" || c == "\u{A0}"
    }

    static func splitWhitespace(_ s: String, maxSplit: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var inWord = false
        var chars = Substring(s)
        while let c = chars.first {
            if isPythonSpace(c) {
                if inWord {
                    result.append(current)
                    current = ""
                    inWord = false
                }
                chars = chars.dropFirst()
                if maxSplit >= 0 && result.count == maxSplit {
                    let rest = chars.drop { isPythonSpace($0) }
                    if !rest.isEmpty { result.append(String(rest)) }
                    return result
                }
            } else {
                current.append(c)
                inWord = true
                chars = chars.dropFirst()
            }
        }
        if inWord { result.append(current) }
        return result
    }

    static func split(_ s: String, separator: String, maxSplit: Int) -> [String] {
        var result: [String] = []
        var rest = Substring(s)
        while maxSplit < 0 || result.count < maxSplit, let range = rest.range(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }

    func stripChars(_ value: PyValue) throws -> (Character) -> Bool {
        if value.isNone { return Interpreter.isPythonSpace }
        let chars = Set(try string(value, "strip arg"))
        return { chars.contains($0) }
    }

    func installStringMethods() {
        let str = types.str
        rawMethod(str, "format") { interp, args, kwargs in
            .str(try interp.strFormat(try interp.string(args[0], "descriptor"), Array(args.dropFirst()), kwargs))
        }
        method(str, "join(self, iterable, /)") { interp, a in
            let separator = try interp.string(a["self"], "self")
            var parts: [String] = []
            var bytes = 0
            for (i, item) in try interp.iterateChecked(a["iterable"]).enumerated() {
                guard case .str(let s) = item else {
                    throw interp.typeError("sequence item \(i): expected str instance, \(interp.typeOf(item).name) found")
                }
                parts.append(s)
                bytes = bytes.addingReportingOverflow(s.utf8.count + separator.utf8.count).partialValue
                try interp.checkSize(bytes: bytes)
            }
            return .str(parts.joined(separator: separator))
        }
        method(str, "split(self, sep=None, maxsplit=-1)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let maxSplit = try interp.optionalInt(a["maxsplit"], default: -1)
            if a["sep"].isNone { return .list(PyList(Interpreter.splitWhitespace(s, maxSplit: maxSplit).map { .str($0) })) }
            let separator = try interp.string(a["sep"], "must be str or None, not")
            if separator.isEmpty { throw interp.error("ValueError", "empty separator") }
            return .list(PyList(Interpreter.split(s, separator: separator, maxSplit: maxSplit).map { .str($0) }))
        }
        method(str, "rsplit(self, sep=None, maxsplit=-1)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let maxSplit = try interp.optionalInt(a["maxsplit"], default: -1)
            if a["sep"].isNone {
                let parts = Interpreter.splitWhitespace(String(s.reversed()), maxSplit: maxSplit)
                return .list(PyList(parts.reversed().map { .str(String($0.reversed())) }))
            }
            let separator = try interp.string(a["sep"], "must be str or None, not")
            if separator.isEmpty { throw interp.error("ValueError", "empty separator") }
            let parts = Interpreter.split(String(s.reversed()), separator: String(separator.reversed()), maxSplit: maxSplit)
            return .list(PyList(parts.reversed().map { .str(String($0.reversed())) }))
        }
        method(str, "splitlines(self, keepends=False)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let keep = try interp.truthy(a["keepends"])
            var lines: [PyValue] = []
            var current = ""
            for c in s {
                if c == "\n" || c == "\r\n" || c == "\r" {
                    lines.append(.str(keep ? current + String(c) : current))
                    current = ""
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty { lines.append(.str(current)) }
            return .list(PyList(lines))
        }
        for name in ["strip", "lstrip", "rstrip"] {
            method(str, "\(name)(self, chars=None, /)") { interp, a in
                let s = try interp.string(a["self"], "self")
                let strip = try interp.stripChars(a["chars"])
                var result = Substring(s)
                if name != "rstrip" { result = result.drop(while: strip) }
                if name != "lstrip" { while let last = result.last, strip(last) { result = result.dropLast() } }
                return .str(String(result))
            }
        }
        method(str, "upper(self)") { interp, a in .str(try interp.string(a["self"], "self").uppercased()) }
        method(str, "lower(self)") { interp, a in .str(try interp.string(a["self"], "self").lowercased()) }
        method(str, "casefold(self)") { interp, a in .str(try interp.string(a["self"], "self").lowercased()) }
        method(str, "swapcase(self)") { interp, a in
            .str(String(try interp.string(a["self"], "self").map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        }
        method(str, "title(self)") { interp, a in
            var result = ""
            var previousCased = false
            for c in try interp.string(a["self"], "self") {
                result += previousCased ? c.lowercased() : c.uppercased()
                previousCased = c.isLetter
            }
            return .str(result)
        }
        method(str, "capitalize(self)") { interp, a in
            let s = try interp.string(a["self"], "self")
            return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
        }
        method(str, "replace(self, old, new, count=-1, /)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let old = try interp.string(a["old"], "replace() argument 1")
            let new = try interp.string(a["new"], "replace() argument 2")
            let count = try interp.optionalInt(a["count"], default: -1)
            if old.isEmpty {
                let (grown, overflow) = (s.count + 1).multipliedReportingOverflow(by: new.utf8.count)
                try interp.checkSize(bytes: overflow ? -1 : s.utf8.count + grown)
                var result = ""
                var done = 0
                for c in s {
                    if count < 0 || done < count { result += new; done += 1 }
                    result.append(c)
                }
                if count < 0 || done < count { result += new }
                return .str(result)
            }
            let parts = Interpreter.split(s, separator: old, maxSplit: count)
            let (grown, overflow) = (parts.count - 1).multipliedReportingOverflow(by: new.utf8.count)
            try interp.checkSize(bytes: overflow ? -1 : s.utf8.count + grown)
            let joined = parts.joined(separator: new)
            try interp.checkSize(bytes: joined.utf8.count)
            return .str(joined)
        }
        for name in ["startswith", "endswith"] {
            method(str, "\(name)(self, prefix, start=None, end=None, /)") { interp, a in
                var s = try interp.string(a["self"], "self")
                let chars = Array(s)
                let (start, stop, _) = try interp.sliceIndices(PySlice(start: a["start"], stop: a["end"], step: .none), length: chars.count)
                s = start < stop ? String(chars[start..<stop]) : ""
                let candidates: [PyValue]
                if case .tuple(let items) = a["prefix"] { candidates = items } else { candidates = [a["prefix"]] }
                for candidate in candidates {
                    guard case .str(let p) = candidate else {
                        throw interp.typeError("\(name) first arg must be str or a tuple of str, not \(interp.typeOf(candidate).name)")
                    }
                    if name == "startswith" ? s.hasPrefix(p) : s.hasSuffix(p) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        for name in ["find", "rfind", "index", "rindex", "count"] {
            method(str, "\(name)(self, sub, start=None, end=None, /)") { interp, a in
                let chars = Array(try interp.string(a["self"], "self"))
                let sub = Array(try interp.string(a["sub"], "must be str, not"))
                let (start, stop, _) = try interp.sliceIndices(PySlice(start: a["start"], stop: a["end"], step: .none), length: chars.count)
                var positions: [Int] = []
                if start <= stop || sub.isEmpty {
                    var i = start
                    while i + sub.count <= stop {
                        if sub.isEmpty || Array(chars[i..<(i + sub.count)]) == sub {
                            positions.append(i)
                            if name == "count" && !sub.isEmpty { i += sub.count; continue }
                        }
                        i += 1
                    }
                }
                switch name {
                case "count": return .int(positions.count)
                case "find": return .int(positions.first ?? -1)
                case "rfind": return .int(positions.last ?? -1)
                default:
                    guard let found = name == "index" ? positions.first : positions.last else {
                        throw interp.error("ValueError", "substring not found")
                    }
                    return .int(found)
                }
            }
        }
        for name in ["center", "ljust", "rjust"] {
            method(str, "\(name)(self, width, fillchar=' ', /)") { interp, a in
                let s = try interp.string(a["self"], "self")
                guard let width = interp.intValue(a["width"]) else {
                    throw interp.typeError("'\(interp.typeOf(a["width"]).name)' object cannot be interpreted as an integer")
                }
                let fill = try interp.string(a["fillchar"], "fill character")
                guard fill.count == 1 else { throw interp.typeError("The fill character must be exactly one character long") }
                let padding = max(0, width - s.count)
                try interp.checkSize(bytes: padding)
                switch name {
                case "ljust": return .str(s + String(repeating: fill, count: padding))
                case "rjust": return .str(String(repeating: fill, count: padding) + s)
                default:
                    let left = padding / 2 + (padding & width & 1)
                    return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: padding - left))
                }
            }
        }
        method(str, "zfill(self, width, /)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let width = try interp.optionalInt(a["width"], default: 0)
            let padding = max(0, width - s.count)
            if let first = s.first, first == "+" || first == "-" {
                return .str(String(first) + String(repeating: "0", count: padding) + s.dropFirst())
            }
            return .str(String(repeating: "0", count: padding) + s)
        }
        let predicates: [(String, (Character) -> Bool)] = [
            ("isdigit", { $0.isASCII ? $0.isNumber : $0.isWholeNumber }), ("isdecimal", { $0.isNumber }),
            ("isnumeric", { $0.isNumber }), ("isalpha", { $0.isLetter }),
            ("isalnum", { $0.isLetter || $0.isNumber }), ("isspace", Interpreter.isPythonSpace),
        ]
        for (name, predicate) in predicates {
            method(str, "\(name)(self)") { interp, a in
                let s = try interp.string(a["self"], "self")
                return .bool(!s.isEmpty && s.allSatisfy(predicate))
            }
        }
        method(str, "isupper(self)") { interp, a in
            let s = try interp.string(a["self"], "self")
            return .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
        }
        method(str, "islower(self)") { interp, a in
            let s = try interp.string(a["self"], "self")
            return .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
        }
        method(str, "isidentifier(self)") { interp, a in
            let s = try interp.string(a["self"], "self")
            guard let first = s.first, first.isLetter || first == "_" else { return .bool(false) }
            return .bool(s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        for name in ["partition", "rpartition"] {
            method(str, "\(name)(self, sep, /)") { interp, a in
                let s = try interp.string(a["self"], "self")
                let sep = try interp.string(a["sep"], "must be str, not")
                if sep.isEmpty { throw interp.error("ValueError", "empty separator") }
                let range = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
                guard let found = range else {
                    return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
                }
                return .tuple([.str(String(s[..<found.lowerBound])), .str(sep), .str(String(s[found.upperBound...]))])
            }
        }
        method(str, "removeprefix(self, prefix, /)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let p = try interp.string(a["prefix"], "must be str, not")
            return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        }
        method(str, "removesuffix(self, suffix, /)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let p = try interp.string(a["suffix"], "must be str, not")
            return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        }
        method(str, "expandtabs(self, tabsize=8)") { interp, a in
            let s = try interp.string(a["self"], "self")
            let size = try interp.optionalInt(a["tabsize"], default: 8)
            var result = ""
            var column = 0
            for c in s {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    result += String(repeating: " ", count: n)
                    column += n
                } else {
                    result.append(c)
                    column = c == "\n" ? 0 : column + 1
                }
            }
            return .str(result)
        }
    }
}

extension StringProtocol {
    /// Substring search without Foundation.
    func range(of needle: String, options: SearchDirection = .forwards) -> Range<Index>? {
        guard !needle.isEmpty else { return startIndex..<startIndex }
        var candidates: [Range<Index>] = []
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                let end = self.index(index, offsetBy: needle.count)
                if options == .forwards { return index..<end }
                candidates.append(index..<end)
            }
            index = self.index(after: index)
        }
        return candidates.last
    }
}

enum SearchDirection { case forwards, backwards }
