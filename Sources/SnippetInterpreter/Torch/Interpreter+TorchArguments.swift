import TensorKernel

/// Conversions of bound Python arguments to kernel values, with PyTorch's argument TypeErrors.
extension Interpreter {
    /// Registers `body` as `torch.name` (first parameter `input`) and as the Tensor method `name` (self binds to `input`).
    func defineOp(_ signature: String, function: Bool = true, method: Bool = true, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
        let binder = ArgumentBinder(signature)
        let name = binder.functionName
        // Past the last required positional parameter nothing can be missing; only shorter calls look closer.
        let requiredPositional = (binder.params.lastIndex { $0.defaultValue == nil && !$0.keywordOnly } ?? -1) + 1
        func bound(isMethod: Bool) -> PyValue {
            .object(PyBuiltinFunction(name) { interp, args, kwargs in
                if args.count < requiredPositional {
                    let missing = binder.params.enumerated().filter { i, param in
                        param.defaultValue == nil && !param.keywordOnly && i >= args.count && !kwargs.contains { $0.0 == param.name }
                    }.map { "\"\($0.element.name)\"" }
                    if !missing.isEmpty {
                        // pybind's wording, plural quirk included ("1 ... arguments", "2 ... argument").
                        throw interp.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "s" : ""): \(missing.joined(separator: ", "))")
                    }
                }
                let arguments = try binder.bind(interp, args, kwargs)
                // Error messages name positional arguments with their position; resolved only when one is raised.
                interp.torchState.currentCall = TorchState.CurrentCall(binder: binder, positionalCount: args.count,
                                                                       firstPosition: isMethod ? 0 : 1)
                return try body(interp, arguments)
            })
        }
        if function { torchState.functions[name] = bound(isMethod: false) }
        if method { torchState.tensorClass.dict[name] = bound(isMethod: true) }
    }

    /// `'name' (position N)` when the current op received `name` positionally, as pybind reports it.
    func argumentLabel(_ name: String) -> String {
        guard let call = torchState.currentCall,
              let index = call.binder.params.prefix(call.positionalCount).firstIndex(where: { $0.name == name }) else {
            return "'\(name)'"
        }
        return "'\(name)' (position \(index + call.firstPosition))"
    }

    /// The Tensor passed as `name` (`input` for methods' self).
    func tensorArg(_ a: BoundArguments, _ name: String = "input", _ function: String? = nil) throws -> Tensor {
        if let box = tensorBox(a[name]) { return box.tensor }
        let prefix = function.map { "\($0)(): " } ?? ""
        throw typeError("\(prefix)argument \(argumentLabel(name)) must be Tensor, not \(typeOf(a[name]).name)")
    }

    func intArg(_ value: PyValue, _ name: String, _ function: String) throws -> Int {
        if let i = intValue(value) { return i }
        if let box = tensorBox(value), box.tensor.numel == 1, box.tensor.dtype.isIntegral {
            if case .int(let i) = try kernel({ () throws(TensorError) in try box.tensor.item() }) { return i }
        }
        throw typeError("\(function)(): argument \(argumentLabel(name)) must be int, not \(typeOf(value).name)")
    }

    func optionalIntArg(_ value: PyValue, _ name: String, _ function: String) throws -> Int? {
        value.isNone ? nil : try intArg(value, name, function)
    }

    func doubleArg(_ value: PyValue, _ name: String, _ function: String) throws -> Double {
        if let d = floatValue(value) { return d }
        if let box = tensorBox(value), box.tensor.numel == 1 {
            return try kernel({ () throws(TensorError) in try box.tensor.item() }).asDouble
        }
        throw typeError("\(function)(): argument \(argumentLabel(name)) must be float, not \(typeOf(value).name)")
    }

    func boolArg(_ value: PyValue, _ name: String, _ function: String) throws -> Bool {
        if case .bool(let b) = value { return b }
        throw typeError("\(function)(): argument \(argumentLabel(name)) must be bool, not \(typeOf(value).name)")
    }

    /// A `dim=` that may be one int or a tuple/list of ints; nil for None.
    func dimsArg(_ value: PyValue, _ name: String, _ function: String) throws -> [Int]? {
        if value.isNone { return nil }
        if let i = intValue(value) { return [i] }
        if let dims = intSequence(value) { return dims }
        throw typeError("\(function)(): argument \(argumentLabel(name)) must be tuple of ints, not \(typeOf(value).name)")
    }

    /// Sizes given as varargs (`zeros(2, 3)`) or one sequence (`zeros((2, 3))`, `zeros(x.shape)`).
    func sizeArgs(_ values: [PyValue], _ function: String, name: String = "size") throws -> [Int] {
        if values.count == 1, let dims = intSequence(values[0]) { return dims }
        var dims: [Int] = []
        for value in values {
            guard let i = intValue(value) else {
                if values.count == 1 {
                    throw typeError("\(function)(): argument '\(name)' (position 1) must be tuple of ints, not \(typeOf(value).name)")
                }
                throw typeError("\(function)(): argument '\(name)' failed to unpack the object at pos \(dims.count + 1) with error \"type must be tuple of ints,but got \(typeOf(value).name)\"")
            }
            dims.append(i)
        }
        return dims
    }

    /// A Tensor or Python number operand; the pybind TypeError otherwise.
    func operandArg(_ value: PyValue, _ name: String, _ function: String) throws -> Operand {
        if let op = operand(value) { return op }
        throw typeError("\(function)(): argument '\(name)' (position 2) must be Tensor, not \(typeOf(value).name)")
    }

    /// A sequence of tensors (`cat`, `stack`): a tuple or list; PyTorch's message for anything else.
    func tensorListArg(_ value: PyValue, _ name: String, _ function: String) throws -> [Tensor] {
        let items: [PyValue]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            throw typeError("\(function)(): argument '\(name)' (position 1) must be tuple of Tensors, not \(typeOf(value).name)")
        }
        return try items.enumerated().map { index, item in
            guard let box = tensorBox(item) else {
                throw typeError("expected Tensor as element \(index) in argument 0, but got \(typeOf(item).name)")
            }
            return box.tensor
        }
    }

    /// Python data for `torch.tensor`: numbers, (nested) lists/tuples, and 1-element tensors.
    func nestedList(_ value: PyValue) throws -> NestedList {
        switch value {
        case .bool(let b): return .scalar(.bool(b))
        case .int(let i): return .scalar(.int(i))
        case .float(let d): return .scalar(.double(d))
        case .tuple(let items): return .list(try items.map(nestedList))
        case .list(let list): return .list(try list.items.map(nestedList))
        default:
            if let box = tensorBox(value) { return box.tensor.tolist() }
            if let dims = sizeValue(value) { return .list(dims.map { .scalar(.int($0)) }) }
            throw typeError("new(): invalid data type '\(typeOf(value).name)'")
        }
    }

    /// Bytes a new tensor of `shape` and `dtype` needs; checked against the budget before allocating.
    func checkAllocation(_ shape: [Int], _ dtype: DType) throws {
        var count = 1
        for d in shape where d > 0 {
            let (product, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow { throw abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes") }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow { throw abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes") }
        try checkSize(bytes: bytes)
    }

    /// Checks the budget for a broadcasting op's result before the kernel allocates it.
    func checkBroadcastAllocation(_ a: Operand, _ b: Operand) throws {
        guard case .tensor(let x) = a, case .tensor(let y) = b, x.shape != y.shape,
              let shape = try? Broadcasting.shape(x.shape, y.shape) else { return }
        try checkAllocation(shape, TypePromotion.resultType(a, b))
    }
}
