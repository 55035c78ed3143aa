extension FrontMatter {
    /// The first alias (`*name`) in YAML text, found by a linear scan before Yams can expand an alias bomb; it
    /// follows YAML's node positions and skips quotes, comments and block scalars, so `title: a *b* c` has none.
    static func firstAlias(in yaml: String) -> (name: String, line: Int, column: Int)? {
        let bytes = Array(yaml.utf8)
        var index = 0, line = 1, lineStart = 0
        var flowDepth = 0
        var atNode = true
        /// Indentation of the line holding a `|` or `>`; deeper (or blank) lines that follow are its text.
        var blockScalarIndent: Int?

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func byte(at position: Int) -> UInt8? { position < bytes.count ? bytes[position] : nil }
        func endsToken(_ position: Int) -> Bool {
            guard let next = byte(at: position) else { return true }
            return isBlank(next) || (flowDepth > 0 && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next))
        }
        func skipToLineEnd() { while index < bytes.count, bytes[index] != 0x0A { index += 1 } }
        func newLine() {
            index += 1
            line += 1
            lineStart = index
            atNode = true
        }
        /// Skips a quoted scalar starting at `index`, counting the lines it spans.
        func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < bytes.count {
                let current = bytes[index]
                if current == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                    index += 1
                    if byte(at: index) == 0x0A {
                        line += 1
                        lineStart = index + 1
                    }
                } else if current == quote {
                    if quote == UInt8(ascii: "'"), byte(at: index + 1) == quote {
                        index += 1
                    } else {
                        index += 1
                        return
                    }
                }
                index += 1
            }
        }

        while index < bytes.count {
            if index == lineStart {
                var indent = 0
                while byte(at: index + indent) == 0x20 { indent += 1 }
                let blank = byte(at: index + indent).map { $0 == 0x0A || $0 == 0x0D } ?? true
                if let parent = blockScalarIndent {
                    if blank || indent > parent {
                        skipToLineEnd()
                        if index < bytes.count { newLine() }
                        continue
                    }
                    blockScalarIndent = nil
                }
            }
            let current = bytes[index]
            if current == 0x0A {
                newLine()
                continue
            }
            if current == UInt8(ascii: "#"), index == lineStart || isBlank(bytes[index - 1]) {
                skipToLineEnd()
                continue
            }
            if isBlank(current) {
                index += 1
                continue
            }
            if atNode {
                switch current {
                case UInt8(ascii: "*") where !endsToken(index + 1):
                    var end = index + 1
                    while !endsToken(end) { end += 1 }
                    return (String(decoding: bytes[index..<end], as: UTF8.self), line, index - lineStart + 1)
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    // An anchor or a tag: the node follows it.
                    while index < bytes.count, !endsToken(index) { index += 1 }
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipQuoted(current)
                    atNode = false
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    var indent = 0
                    while byte(at: lineStart + indent) == 0x20 { indent += 1 }
                    blockScalarIndent = indent
                    skipToLineEnd()
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    index += 1
                case UInt8(ascii: "-") where endsToken(index + 1), UInt8(ascii: "?") where endsToken(index + 1),
                     UInt8(ascii: ":") where endsToken(index + 1):
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(flowDepth - 1, 0)
                    index += 1
                    atNode = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    index += 1
                default:
                    atNode = false
                    index += 1
                }
                continue
            }
            switch current {
            case UInt8(ascii: ":") where endsToken(index + 1):
                atNode = true
            case UInt8(ascii: ",") where flowDepth > 0:
                atNode = true
            case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                flowDepth -= 1
            case UInt8(ascii: "[") where flowDepth > 0, UInt8(ascii: "{") where flowDepth > 0:
                flowDepth += 1
                atNode = true
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
