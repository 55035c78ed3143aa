import Testing
@testable import SnippetInterpreter

/// `torch.nn.functional` against outputs recorded from PyTorch 2.15 (`Fixtures/nn/functional_*`).
@Suite struct NNFunctionalTests {
    /// Cases printing values of MKL-backed products (§5.3–5.4): numbers may differ by one unit of the last digit.
    static let blasDependent: Set<String> = [
        "functional_linear_grad_fns",  // F.linear is addmm / folded addmm
        "functional_sdpa",  // the CPU flash kernel's q·kᵀ and e·v are MKL gemms
    ]

    static let prefixes = ["functional_", "err_functional_"]

    @Test(arguments: NNFixtureCase.named(NNFunctionalTests.prefixes))
    func recordedCase(_ fixture: NNFixtureCase) throws {
        try fixture.check(tolerant: NNFunctionalTests.blasDependent.contains(fixture.name))
    }
}
