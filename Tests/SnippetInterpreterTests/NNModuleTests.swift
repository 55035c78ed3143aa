import Testing
@testable import SnippetInterpreter

/// `torch.nn` modules and `torch.nn.init` against outputs recorded from PyTorch 2.15 (`Fixtures/nn`).
@Suite struct NNModuleTests {
    /// Cases printing values computed through `Linear`/`addmm` (MKL on the recording machine, §5.3):
    /// numbers may differ by one unit of the last printed digit.
    static let blasDependent: Set<String> = [
        "mha_outputs",  // in_proj/out_proj are addmm; weights printed to 4 digits
        "encoder_layer",  // linear1/linear2/out_proj are addmm; a rounded sum is printed
        "module_misc_layers",  // MHA (add_bias_kv, add_zero_attn) weights come through addmm projections
        "mha_sdpa_path_and_training",  // in/out projections are addmm; SDPA's flash kernel uses MKL gemm
    ]

    static let prefixes = ["module_", "init_", "mha_", "encoder_", "err_mha", "err_embedding", "err_missing", "err_assign",
                           "err_sequential", "err_module", "err_dropout"]

    @Test(arguments: NNFixtureCase.named(NNModuleTests.prefixes))
    func recordedCase(_ fixture: NNFixtureCase) throws {
        try fixture.check(tolerant: NNModuleTests.blasDependent.contains(fixture.name))
    }

    @Test func everyFixtureRunsInExactlyOneSuite() {
        let modules = NNFixtureCase.named(NNModuleTests.prefixes).map(\.name)
        let functional = NNFixtureCase.named(NNFunctionalTests.prefixes).map(\.name)
        #expect(Set(modules).isDisjoint(with: functional))
        #expect((modules + functional).sorted() == NNFixtureCase.named([""]).map(\.name))
        #expect(modules.count >= 20 && functional.count >= 10)
    }

    @Test func preludeFramesAreHiddenFromTracebacks() throws {
        let outcome = Snippet.run("import torch.nn as nn\nnn.MultiheadAttention(10, 3)\n", filename: "s.py")
        let error = try #require(outcome.error)
        #expect(error.traceback == """
            Traceback (most recent call last):
              File "s.py", line 2, in <module>
                nn.MultiheadAttention(10, 3)
            AssertionError: embed_dim must be divisible by num_heads

            """)
    }

    @Test func torchNNIsReachableWithoutImportingIt() {
        let outcome = Snippet.run("import torch\nprint(torch.nn.Linear(2, 3))\nprint(torch.nn.functional.relu(torch.tensor([-1.0])))\n")
        #expect(outcome.stdout == "Linear(in_features=2, out_features=3, bias=True)\ntensor([0.])\n")
        #expect(outcome.error == nil)
    }

    @Test(arguments: [
        ("import torch.nn as nn\nnn.Conv2d(1, 1, 3)\n", "NotImplementedError: torch.nn.Conv2d is not supported in quiz snippets"),
        ("import torch.nn.functional as F\nF.fold\n", "NotImplementedError: torch.nn.functional.fold is not supported in quiz snippets"),
        ("from torch.nn import init\ninit.orthogonal_\n", "NotImplementedError: torch.nn.init.orthogonal_ is not supported in quiz snippets"),
    ])
    func unsupportedNamesFailClearly(_ source: String, _ lastLine: String) {
        #expect(Snippet.run(source).error?.lastLine == lastLine)
    }

    @Test func toleranceComparisonAllowsOnlyTheLastDigit() {
        #expect(NNFixtureCase.matchesWithinLastDigit("tensor([0.3574, -1.20])", "tensor([0.3573, -1.21])"))
        #expect(!NNFixtureCase.matchesWithinLastDigit("tensor([0.3575])", "tensor([0.3573])"))
        #expect(!NNFixtureCase.matchesWithinLastDigit("tensor([0.3573])", "tensor([0.3573, 1.0])"))
    }
}
