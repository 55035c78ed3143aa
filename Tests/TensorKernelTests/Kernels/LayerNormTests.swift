import Testing
@testable import TensorKernel

@Suite("LayerNormKernel")
struct LayerNormTests {
    @Test("fixtures load")
    func fixturesLoad() {
        #expect(SoftmaxFixtures.layerNormCases.count == 37)
    }

    /// Bit-exact output, mean and rstd (torch.native_layer_norm) with and without affine parameters.
    /// N <= 128 is exact in general; the recorded rows above 128 are exact too, though in larger
    /// measurements about 1% of such rows differ in rstd by 1 ulp (see `LayerNormKernel.rowMoments`).
    @Test("matches PyTorch bit for bit", arguments: SoftmaxFixtures.layerNormCases)
    func matchesRecordings(_ c: SoftmaxFixtures.LayerNormCase) {
        let x = SoftmaxFixtures.floats(c.input)
        let w = SoftmaxFixtures.floats(c.weight), b = SoftmaxFixtures.floats(c.bias)
        var y = [Float](repeating: 0, count: x.count), plain = y
        var mean = [Float](repeating: 0, count: c.rows), rstd = mean
        LayerNormKernel.forward(x, rows: c.rows, n: c.n, weight: w, bias: b, eps: c.eps, y: &y, mean: &mean, rstd: &rstd)
        #expect(SoftmaxFixtures.mismatches(y, SoftmaxFixtures.floats(c.output)) == [])
        #expect(SoftmaxFixtures.mismatches(mean, SoftmaxFixtures.floats(c.mean)) == [])
        #expect(SoftmaxFixtures.mismatches(rstd, SoftmaxFixtures.floats(c.rstd)) == [])
        LayerNormKernel.forward(x, rows: c.rows, n: c.n, weight: nil, bias: nil, eps: c.eps, y: &plain, mean: &mean, rstd: &rstd)
        #expect(SoftmaxFixtures.mismatches(plain, SoftmaxFixtures.floats(c.output_plain)) == [])
    }
}
