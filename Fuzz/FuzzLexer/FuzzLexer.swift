import SnippetInterpreter

/// libFuzzer entry: the snippet lexer, both strict tokenizing and the forgiving highlighter pass.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lexer = PythonLexer(source)
    _ = try? lexer.tokenize(includeComments: true)
    _ = lexer.highlightTokens()
    return 0
}

/// SwiftPM links executables with `main=FuzzLexer_main`; hand control to libFuzzer's driver from there.
@_cdecl("FuzzLexer_main")
public func fuzzLexerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzLexer(data ?? UnsafePointer(bitPattern: 1)!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
