@testable import SnippetInterpreter

/// libFuzzer entry: the snippet parser (syntax errors are fine, crashes and hangs are not).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    BigStack.run { _ = try? Parser.parseModule(source, filename: "fuzz.py") }
    return 0
}

/// SwiftPM links executables with `main=FuzzParser_main`; hand control to libFuzzer's driver from there.
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzParser(data ?? UnsafePointer(bitPattern: 1)!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
