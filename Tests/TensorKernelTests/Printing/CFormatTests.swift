import Testing
@testable import TensorKernel

@Suite struct CFormatTests {
    @Test(arguments: [(1.5, "1.5"), (-1, "-1"), (2, "2"), (-0.1, "-0.1"), (1e20, "1e+20"), (0.1234567, "0.123457"), (.infinity, "inf")])
    func cxxStreamFormatting(value: Double, expected: String) {
        #expect(CFormat.cxx(value) == expected)
    }

    @Test func longOutputsAreNotTruncated() {
        let text = CFormat.format(1e300, precision: 250, conversion: "f")
        #expect(text.count == 301 + 1 + 250)
        // Python: "%.0f" % 1e300
        #expect(text.hasPrefix("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160."))
    }
}
