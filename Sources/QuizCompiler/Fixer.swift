import QuizCore

/// `quizc fix`: writes computed outputs into `## Answer` fences and re-marks the choice equal to the output.
/// Edits by source ranges, so the rest of each file stays byte-identical; running it twice changes nothing.
public enum Fixer {
    public struct Change: Sendable, Hashable {
        public var location: SourceLocation
        public var description: String
    }

    public struct FileEdit: Sendable, Hashable {
        public var path: String
        public var newBytes: [UInt8]
        public var changes: [Change]
    }

    public struct Output: Sendable {
        public var edits: [FileEdit]
        /// Problems fix could not repair (no choice equals the output, a snippet that raised, ...).
        public var diagnostics: [Diagnostic]
    }

    public static func fix(_ bundle: ContentBundle, executor: some ChallengeExecutor) async -> Output {
        let compiled = await QuizCompiler.compile(bundle, executor: executor)
        var files: [String: ContentFile] = [:]
        for folder in bundle.quizzes {
            for file in folder.challengeFiles { files[file.path] = file }
        }
        var edits: [FileEdit] = []
        var diagnostics: [Diagnostic] = []
        for quiz in compiled.site.quizzes {
            for item in quiz.challenges {
                guard let result = item.result, result.error == nil, let file = files[item.challenge.path] else { continue }
                let (edit, problems) = fix(item.challenge, result: result, file: file)
                diagnostics += problems
                if let edit { edits.append(edit) }
            }
        }
        return Output(edits: edits, diagnostics: diagnostics)
    }

    /// The edit for one challenge file, or nil when it already agrees with the result.
    static func fix(_ challenge: Challenge, result: ExecutionResult, file: ContentFile) -> (FileEdit?, [Diagnostic]) {
        var lines = RawLines(file.bytes)
        var changes: [Change] = []
        var diagnostics: [Diagnostic] = []
        let output = OutputComparison.normalized(result.stdout)

        if challenge.type == .predictOutput, let answer = challenge.answer,
           !OutputComparison.matches(answer.code, result.stdout, tolerance: challenge.tolerance) {
            let oldCount = OutputComparison.normalized(answer.code).count
            let codeLines = answer.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            lines.replace(lines: answer.firstCodeLine..<(answer.firstCodeLine + max(codeLines, 0)), with: output)
            let location = SourceLocation(file: challenge.path, line: answer.firstCodeLine)
            changes.append(Change(location: location,
                                  description: "wrote the computed output into `## Answer` (\(oldCount) → \(output.count) lines)"))
        }

        if challenge.comparesChoicesWithOutput {
            let equal = challenge.choices.indices.filter {
                OutputComparison.matches(challenge.choices[$0].comparableText, result.stdout, tolerance: challenge.tolerance)
            }
            if equal.count == 1 {
                for (index, choice) in challenge.choices.enumerated() {
                    let shouldMark = index == equal[0]
                    guard choice.isMarked != shouldMark, let marker = choice.markerLocation else { continue }
                    lines.replaceBytes(line: marker.line, column: marker.column, count: 3, with: shouldMark ? "[x]" : "[ ]")
                    changes.append(Change(location: marker, description: shouldMark ? "marked the choice equal to the output"
                                                                                      : "unmarked a choice that differs from the output"))
                }
            } else {
                let location = challenge.choices.first?.location ?? challenge.location
                diagnostics.append(.error(equal.isEmpty ? "no choice equals the computed output; fix cannot choose one"
                                                        : "\(equal.count) choices equal the computed output; fix cannot choose one",
                                          at: location,
                                          notes: [.init("computed output: \(output.joined(separator: "\n"))")],
                                          rule: "fix"))
            }
        }
        guard !changes.isEmpty else { return (nil, diagnostics) }
        return (FileEdit(path: challenge.path, newBytes: lines.bytes, changes: changes), diagnostics)
    }
}

/// A file's lines as raw bytes with their own terminators, so untouched lines are written back unchanged.
struct RawLines {
    private var lines: [[UInt8]]
    private let newline: [UInt8]

    init(_ bytes: [UInt8]) {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        newline = lines.first { $0.count >= 2 && $0[$0.count - 2] == 0x0D } != nil ? [0x0D, 0x0A] : [0x0A]
    }

    var bytes: [UInt8] { lines.flatMap { $0 } }

    /// Replaces file lines `range` (1-based, half-open) with `text` lines.
    mutating func replace(lines range: Range<Int>, with text: [String]) {
        let lower = min(max(range.lowerBound - 1, 0), lines.count)
        let upper = min(max(range.upperBound - 1, lower), lines.count)
        lines.replaceSubrange(lower..<upper, with: text.map { Array($0.utf8) + newline })
    }

    /// Overwrites `count` bytes at a 1-based line and byte column.
    mutating func replaceBytes(line: Int, column: Int, count: Int, with text: String) {
        guard line >= 1, line <= lines.count, column >= 1, column - 1 + count <= lines[line - 1].count else { return }
        lines[line - 1].replaceSubrange((column - 1)..<(column - 1 + count), with: Array(text.utf8))
    }
}
