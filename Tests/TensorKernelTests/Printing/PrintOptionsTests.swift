import Testing
@testable import TensorKernel

@Suite struct PrintOptionsTests {
    @Test func profilesMatchSetPrintOptions() {
        let base = PrintOptions.default
        #expect(base == PrintOptions(precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sciMode: nil))
        #expect(base.setting(profile: .short) == PrintOptions(precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80))
        #expect(base.setting(profile: .full).threshold == .max)
        #expect(base.setting(profile: .short, precision: 6).precision == 6)
    }

    @Test func sciModeIsResetWhenOmitted() {
        let forced = PrintOptions.default.setting(sciMode: true)
        #expect(forced.sciMode == true)
        #expect(forced.setting(precision: 3).sciMode == nil)
    }
}
