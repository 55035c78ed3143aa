import QuizCompiler

/// libFuzzer entry: bytes as a challenge file (with a fixed quiz.md) → front matter, cmark, challenge model.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let quiz = ContentFile(path: "content/fuzz/quiz.md", text: "---\ntitle: Fuzz\n---\n\nIntro.\n")
    let folder = ContentBundle.QuizFolder(path: "content/fuzz", quizFile: quiz,
                                          challengeFiles: [ContentFile(path: "content/fuzz/01-fuzz.md", bytes: bytes)])
    _ = ContentLoader.load(ContentBundle(siteFile: nil, quizzes: [folder]))
    return 0
}

/// SwiftPM links executables with `main=FuzzMarkdown_main`; hand control to libFuzzer's driver from there.
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzMarkdown(data ?? UnsafePointer(bitPattern: 1)!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
