// KernelBench: GFLOP/s of TensorKernel's hot kernels. Run in release:
//   swift run -c release KernelBench [matmul attention softmax print] [--threads N] [--sizes 64,128] [--cpu-time]
// One file per benchmark; each registers itself in `benchmarks` below. `--cpu-time` divides by the
// process CPU time instead of wall time, which is steadier on a shared machine (single thread only).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A named benchmark printing its own result lines for a thread count.
struct Benchmark {
    let name: String
    let run: (_ threads: Int) -> Void
}

let benchmarks: [Benchmark] = [
    Benchmark(name: "matmul", run: runMatmulBenchmark),
    Benchmark(name: "attention", run: runAttentionBenchmark),
    Benchmark(name: "softmax", run: runSoftmaxBenchmark),
    Benchmark(name: "print", run: runPrintBenchmark),
]

/// Set once from the command line before any benchmark runs.
nonisolated(unsafe) var measureCPUTime = false
/// Problem sizes for benchmarks that take a list (`--sizes`); nil means each benchmark's default.
nonisolated(unsafe) var requestedSizes: [Int]?

var threads = 1
var selected: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--threads", let value = arguments.popFirst(), let count = Int(value), count > 0 {
        threads = count
    } else if argument == "--sizes", let value = arguments.popFirst() {
        requestedSizes = value.split(separator: ",").compactMap { Int($0) }
    } else if argument == "--cpu-time" {
        measureCPUTime = true
    } else {
        selected.append(argument)
    }
}
for benchmark in benchmarks where selected.isEmpty || selected.contains(benchmark.name) {
    benchmark.run(threads)
}

/// Best time in seconds (wall, or process CPU time) of `body` over `repeats` runs after a warm-up.
func bestSeconds(repeats: Int, _ body: () -> Void) -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(measureCPUTime ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
    body()
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = now()
        body()
        best = min(best, now() - start)
    }
    return best
}
