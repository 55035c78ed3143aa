import TensorKernel

/// `repr(tensor)` cost of the shapes snippets print (randn float32, default options); prints
/// `print shape µs/print`.
func runPrintBenchmark(threads: Int) {
    var generator = CPUGenerator(seed: 0)
    for shape in [[4, 8], [2, 4, 8], [100, 100]] {
        guard let tensor = try? Tensor.randn(shape, generator: &generator) else { fatalError("randn \(shape)") }
        let prints = 200
        var bytes = 0
        let seconds = bestSeconds(repeats: 10) {
            for _ in 0..<prints { bytes &+= tensor.repr().utf8.count }
        }
        precondition(bytes > 0)
        let label = shape.map(String.init).joined(separator: "x")
        print("print \(label) \(formatted(seconds / Double(prints) * 1e6))")
    }
}
