import Foundation

/// A C library function the Glibc module does not declare (Linux calls such as `syncfs`, `renameat2`, `mallopt`),
/// looked up by name in the running process; nil where it does not exist.
func libCFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
    #if os(Linux)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return unsafeBitCast(symbol, to: type)
    #else
    return nil
    #endif
}
