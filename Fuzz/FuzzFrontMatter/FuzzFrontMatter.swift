import QuizMarkdown

/// libFuzzer entry: bytes → UTF-8 check → front-matter split → YAML decode. Must never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let source) = SourceText.decode(path: "fuzz.md", bytes: bytes) else { return 0 }
    if case .found(let yaml, let firstLine, _) = FrontMatter.split(source) {
        _ = FrontMatter.decode(yaml, path: "fuzz.md", firstLine: firstLine)
    }
    return 0
}

/// SwiftPM links executables with `main=FuzzFrontMatter_main`; hand control to libFuzzer's driver from there.
@_cdecl("FuzzFrontMatter_main")
public func fuzzFrontMatterMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzFrontMatter(data ?? UnsafePointer(bitPattern: 1)!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
