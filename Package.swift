// swift-tools-version:6.1
import PackageDescription

/// Release builds of the hot numeric code drop bounds checks; the kernel's own tests keep them on in debug.
let kernelSettings: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked"], .when(configuration: .release)),
]

#if arch(x86_64)
/// The AVX2 micro-kernel target is compiled for Haswell-class CPUs (AVX2 + FMA); TensorKernel calls it
/// only after a run-time CPUID check, so the default build still runs on any x86-64.
let avx2Settings: [SwiftSetting] = kernelSettings + [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let avx2Settings: [SwiftSetting] = kernelSettings
#endif

/// Release builds on Linux link the Swift runtime and Foundation statically: a dynamically linked quizc spends about
/// 8 ms of every start resolving symbols of libswiftCore and Foundation (a tenth of an incremental rebuild). The
/// modules must be compiled against the static SDK too (their autolinked libraries differ); lld because the system
/// linker warns about `mktemp` in static Foundation. Debug builds and tests stay dynamic. Relative relocations are
/// packed (DT_RELR, glibc 2.36+): 114,000 of them took 2.7 MB of RELA entries that every start read and applied.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "quizc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quizc", targets: ["quizc"]),
        .library(name: "TensorKernel", targets: ["TensorKernel"]),
        .library(name: "SnippetInterpreter", targets: ["SnippetInterpreter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev); only QuizMarkdown imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "CPUFeatures"),
        .target(name: "TensorKernelAVX2", swiftSettings: avx2Settings),
        .target(
            name: "TensorKernel", dependencies: ["CPUFeatures", "TensorKernelAVX2"], swiftSettings: kernelSettings
        ),
        .executableTarget(
            name: "KernelBench", dependencies: ["TensorKernel"], path: "Benchmarks/KernelBench",
            swiftSettings: kernelSettings
        ),
        .executableTarget(
            name: "RenderBench", dependencies: ["QuizCompiler", "QuizCore", "QuizSite", "SnippetInterpreter"],
            path: "Benchmarks/RenderBench"
        ),
        .target(name: "SnippetInterpreter", dependencies: ["TensorKernel"], swiftSettings: kernelSettings),
        .target(name: "QuizCore"),
        .target(
            name: "QuizMarkdown",
            dependencies: ["CCmark", "QuizCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "QuizCompiler", dependencies: ["QuizCore", "QuizMarkdown", "SnippetInterpreter"]),
        .target(
            name: "QuizSite",
            dependencies: ["QuizCore", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "quizc",
            dependencies: [
                "QuizCore", "QuizMarkdown", "QuizCompiler", "QuizSite", "SnippetInterpreter", "TensorKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink
        ),
        .testTarget(name: "TensorKernelTests", dependencies: ["TensorKernel"], exclude: ["Fixtures"]),
        .testTarget(name: "SnippetInterpreterTests", dependencies: ["SnippetInterpreter"], exclude: ["Fixtures"]),
        .testTarget(name: "QuizCoreTests", dependencies: ["QuizCore"]),
        .testTarget(name: "QuizMarkdownTests", dependencies: ["QuizMarkdown"]),
        .testTarget(name: "QuizCompilerTests", dependencies: ["QuizCompiler"], exclude: ["Fixtures"]),
        .testTarget(name: "QuizSiteTests", dependencies: ["QuizSite", "SnippetInterpreter"], exclude: ["Fixtures"]),
        // Drives Debian's headless Chromium through chromedriver (WebDriver over HTTP) against a rendered site.
        .testTarget(name: "QuizSiteBrowserTests", dependencies: ["QuizSite", "QuizCompiler"]),
        .testTarget(name: "quizcTests", dependencies: ["quizc"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets (Fuzz/), only with `QUIZC_FUZZ=1` so plain `swift build`/`swift test` and CI never see them;
/// `Fuzz/run.sh TARGET SECONDS` builds them with `-sanitize=fuzzer,address`.
if Context.environment["QUIZC_FUZZ"] == "1" {
    let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzFrontMatter", ["QuizMarkdown"]),
        ("FuzzMarkdown", ["QuizCompiler"]),
        ("FuzzLexer", ["SnippetInterpreter"]),
        ("FuzzParser", ["SnippetInterpreter"]),
        ("FuzzInterpreter", ["SnippetInterpreter"]),
    ]
    for fuzzer in fuzzers {
        package.targets.append(.executableTarget(
            name: fuzzer.name, dependencies: fuzzer.dependencies, path: "Fuzz/\(fuzzer.name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
    }
}
