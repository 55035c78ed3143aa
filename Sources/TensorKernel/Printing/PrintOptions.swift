/// `torch.set_printoptions` state that tensor printing reads (`torch._tensor_str.PRINT_OPTS`).
public struct PrintOptions: Sendable, Hashable {
    public var precision: Int
    /// Summarise when `numel > threshold`; `Int.max` stands for Python's `inf` (`profile="full"`).
    public var threshold: Int
    public var edgeitems: Int
    public var linewidth: Int
    /// `nil` chooses per tensor (the default); `true`/`false` forces scientific/fixed notation.
    public var sciMode: Bool?

    public init(precision: Int = 4, threshold: Int = 1000, edgeitems: Int = 3, linewidth: Int = 80, sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.sciMode = sciMode
    }

    public static let `default` = PrintOptions()

    /// The named profiles of `set_printoptions(profile=...)`.
    public enum Profile: String, Sendable, CaseIterable {
        case `default`, short, full
    }

    /// `torch.set_printoptions(...)`: the profile applies first, then every given option; `sci_mode`
    /// is always replaced (omitting it resets it to automatic), as in PyTorch.
    public func setting(
        profile: Profile? = nil, precision: Int? = nil, threshold: Int? = nil, edgeitems: Int? = nil,
        linewidth: Int? = nil, sciMode: Bool? = nil
    ) -> PrintOptions {
        var options = self
        switch profile {
        case .default: options = PrintOptions(sciMode: options.sciMode)
        case .short: options = PrintOptions(precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80, sciMode: options.sciMode)
        case .full: options = PrintOptions(precision: 4, threshold: .max, edgeitems: 3, linewidth: 80, sciMode: options.sciMode)
        case nil: break
        }
        if let precision { options.precision = precision }
        if let threshold { options.threshold = threshold }
        if let edgeitems { options.edgeitems = edgeitems }
        if let linewidth { options.linewidth = linewidth }
        options.sciMode = sciMode
        return options
    }
}
