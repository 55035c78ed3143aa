import CCmark
import QuizCore
import Yams

/// Reads content files into plain values; the only module that sees cmark pointers.
public enum QuizMarkdown {
    /// The libcmark version quizc is linked against, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }
}
