import SnippetInterpreter

/// Small limits so every input ends quickly; the fuzzer looks for crashes, not for limit errors. Steps do not count
/// tensor work, so memory is small too: with 16 MiB a content seed (`torch.randn(1000, 256)` three times) took 12 s
/// of CPU in a debug + ASan build.
let fuzzLimits = SnippetLimits(maxSteps: 20_000, maxMemoryBytes: 256 << 10, maxRecursionDepth: 200, maxOutputBytes: 1 << 16)

/// libFuzzer entry: parse and run a snippet under tight limits. Python exceptions are expected; crashes are bugs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Snippet.run(source, filename: "fuzz.py", limits: fuzzLimits)
    return 0
}

/// SwiftPM links executables with `main=FuzzInterpreter_main`; hand control to libFuzzer's driver from there.
@_cdecl("FuzzInterpreter_main")
public func fuzzInterpreterMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzInterpreter(data ?? UnsafePointer(bitPattern: 1)!, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
