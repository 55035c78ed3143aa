import TensorKernel

/// A tensor inside the interpreter: the kernel tensor plus the autograd facts printing needs
/// (no real autograd: `grad_fn` is only a name).
final class TensorBox {
    let tensor: Tensor
    var requiresGrad: Bool
    var gradFn: String?
    var isParameter: Bool
    /// A view of a leaf that requires grad: in-place changes are refused as in PyTorch.
    var isViewOfLeaf = false
    private let ledger: StorageLedger

    init(_ tensor: Tensor, requiresGrad: Bool, gradFn: String?, isParameter: Bool, ledger: StorageLedger) {
        self.tensor = tensor
        self.requiresGrad = requiresGrad
        self.gradFn = gradFn
        self.isParameter = isParameter
        self.ledger = ledger
        ledger.retain(tensor.storage)
    }

    deinit { ledger.release(tensor.storage) }

    var isLeaf: Bool { gradFn == nil }
}

/// Counts live tensors per storage so each storage is charged to the memory budget once and released when freed.
/// One per session: a pooled interpreter starts each session with a fresh ledger on the session's budget.
final class StorageLedger {
    let budget: MemoryBudget
    private var counts: [ObjectIdentifier: Int] = [:]

    init(budget: MemoryBudget) { self.budget = budget }

    func isTracked(_ storage: TensorStorage) -> Bool { counts[ObjectIdentifier(storage)] != nil }

    func retain(_ storage: TensorStorage) {
        counts[ObjectIdentifier(storage), default: 0] += 1
    }

    func release(_ storage: TensorStorage) {
        let id = ObjectIdentifier(storage)
        guard let count = counts[id] else { return }
        if count <= 1 {
            counts[id] = nil
            budget.add(-(storage.count * storage.dtype.itemSize))
        } else {
            counts[id] = count - 1
        }
    }
}

extension Interpreter {
    /// Wraps a kernel tensor as a Python `torch.Tensor`, charging new storage to the memory budget.
    func wrap(_ tensor: Tensor, requiresGrad: Bool = false, gradFn: String? = nil, isParameter: Bool = false) throws -> PyValue {
        let state = torchState
        if !state.ledger.isTracked(tensor.storage) {
            try charge(bytes: tensor.storage.count * tensor.dtype.itemSize)
            try chargeWork(elements: tensor.storage.count)
        }
        let instance = PyInstance(cls: isParameter ? state.parameterClass : state.tensorClass)
        instance.tensorBox = TensorBox(
            tensor, requiresGrad: requiresGrad || gradFn != nil, gradFn: gradFn, isParameter: isParameter, ledger: state.ledger)
        return .object(instance)
    }

    /// Wraps the result of an op on `inputs`: it gets `gradFn` when grad mode is on and an input requires grad.
    func derive(_ tensor: Tensor, _ gradFn: String, from inputs: [PyValue]) throws -> PyValue {
        let tracks = torchState.gradEnabled && inputs.contains { tensorBox($0)?.requiresGrad == true }
        let value = try wrap(tensor, gradFn: tracks ? gradFn : nil)
        if tracks, let box = tensorBox(value) {
            box.isViewOfLeaf = inputs.contains { input in
                guard let source = tensorBox(input) else { return false }
                return (source.isViewOfLeaf || (source.isLeaf && source.requiresGrad)) && source.tensor.storage === tensor.storage
            }
        }
        return value
    }

    /// The box behind a tensor value, or nil for anything else.
    func tensorBox(_ value: PyValue) -> TensorBox? {
        if case .object(let o) = value, let instance = o as? PyInstance { return instance.tensorBox }
        return nil
    }

    func isTensor(_ value: PyValue) -> Bool { tensorBox(value) != nil }

    /// The kernel tensor of a Python tensor; a TypeError naming `argument` otherwise.
    func tensor(from value: PyValue, argument: String = "input", function: String? = nil) throws -> Tensor {
        if let box = tensorBox(value) { return box.tensor }
        let prefix = function.map { "\($0)(): " } ?? ""
        throw typeError("\(prefix)argument '\(argument)' must be Tensor, not \(typeOf(value).name)")
    }

    /// A tensor or Python number as a kernel operand (nil for other values).
    func operand(_ value: PyValue) -> Operand? {
        switch value {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        default: return tensorBox(value).map { .tensor($0.tensor) }
        }
    }

    /// Runs a kernel call, turning `TensorError` into the Python exception PyTorch raises.
    func kernel<T>(_ body: () throws(TensorError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw self.error(error.kind.rawValue, error.message)
        }
    }

    /// `repr(t)`: the kernel's repr with autograd suffixes; Parameters get PyTorch's prefix.
    func tensorRepr(_ box: TensorBox) -> String {
        var suffixes: [String] = []
        if let gradFn = box.gradFn {
            suffixes.append("grad_fn=<\(gradFn)>")
        } else if box.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        let text = box.tensor.repr(options: torchState.printOptions, suffixes: suffixes)
        return box.isParameter ? "Parameter containing:\n" + text : text
    }

    /// A Python number for a kernel scalar.
    func pyScalar(_ scalar: Scalar) -> PyValue {
        switch scalar {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        }
    }

    func pyList(_ nested: NestedList) -> PyValue {
        switch nested {
        case .scalar(let s): return pyScalar(s)
        case .list(let items): return .list(PyList(items.map(pyList)))
        }
    }
}
