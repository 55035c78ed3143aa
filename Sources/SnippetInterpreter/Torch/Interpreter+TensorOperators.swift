import TensorKernel

/// Python operators on tensors (`+ - * / // % ** @ & | ^ ~`, comparisons, in-place `+=`), with reflected forms.
extension Interpreter {
    private static let binaryDunders: [(name: String, op: TensorKernel.BinaryOp?, gradFn: String)] = [
        ("add", .add, "AddBackward0"), ("sub", .sub, "SubBackward0"), ("mul", .mul, "MulBackward0"),
        ("truediv", .div, "DivBackward0"), ("floordiv", .floorDivide, "FloorDivideBackward0"),
        ("mod", .remainder, "RemainderBackward0"), ("pow", .pow, "PowBackward0"),
        ("and", .bitwiseAnd, "BitwiseAndBackward0"), ("or", .bitwiseOr, "BitwiseOrBackward0"),
        ("xor", .bitwiseXor, "BitwiseXorBackward0"),
    ]

    func installTensorOperators(_ cls: PyClass) {
        for entry in Interpreter.binaryDunders {
            guard let op = entry.op else { continue }
            cls.dict["__\(entry.name)__"] = nativeFunction("__\(entry.name)__(self, other)") { interp, a in
                guard let other = interp.operand(a["other"]) else { return .notImplemented }
                let t = try interp.tensorArg(a, "self")
                try interp.checkBroadcastAllocation(.tensor(t), other)
                let result = try interp.kernel { () throws(TensorError) in try Tensor.binary(op, .tensor(t), other) }
                var gradFn = entry.gradFn
                if op == .pow, case .tensor = other { gradFn = "PowBackward1" }
                return try interp.derive(result, gradFn, from: [a["self"], a["other"]])
            }
            cls.dict["__r\(entry.name)__"] = nativeFunction("__r\(entry.name)__(self, other)") { interp, a in
                guard let other = interp.operand(a["other"]) else { return .notImplemented }
                let t = try interp.tensorArg(a, "self")
                try interp.checkBroadcastAllocation(.tensor(t), other)
                let result = try interp.kernel { () throws(TensorError) in try Tensor.binary(op, other, .tensor(t)) }
                let gradFn: String
                switch op {
                case .sub: gradFn = "RsubBackward1"
                case .div: gradFn = "MulBackward0"
                case .pow: gradFn = "PowBackward2"
                default: gradFn = entry.gradFn
                }
                return try interp.derive(result, gradFn, from: [a["self"], a["other"]])
            }
            cls.dict["__i\(entry.name)__"] = nativeFunction("__i\(entry.name)__(self, other)") { interp, a in
                guard let other = interp.operand(a["other"]) else { return .notImplemented }
                try interp.checkInPlace(a["self"])
                let t = try interp.tensorArg(a, "self")
                try interp.kernel { () throws(TensorError) in _ = try t.binary_(op, other) }
                interp.markInPlace(a["self"], entry.gradFn, other: a["other"])
                return a["self"]
            }
        }
        for (name, op) in [("eq", TensorKernel.BinaryOp.eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge)] {
            cls.dict["__\(name)__"] = nativeFunction("__\(name)__(self, other)") { interp, a in
                guard let other = interp.operand(a["other"]) else {
                    if op == .eq { return .bool(false) }
                    if op == .ne { return .bool(true) }
                    return .notImplemented
                }
                let t = try interp.tensorArg(a, "self")
                return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.binary(op, .tensor(t), other) })
            }
        }
        cls.dict["__matmul__"] = nativeFunction("__matmul__(self, other)") { interp, a in
            guard interp.isTensor(a["other"]) else { return .notImplemented }
            return try interp.matmul(a["self"], a["other"])
        }
        cls.dict["__rmatmul__"] = nativeFunction("__rmatmul__(self, other)") { interp, a in
            guard interp.isTensor(a["other"]) else { return .notImplemented }
            return try interp.matmul(a["other"], a["self"])
        }
        cls.dict["__neg__"] = nativeFunction("__neg__(self)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            return try interp.derive(try interp.kernel { () throws(TensorError) in try t.neg() }, "NegBackward0", from: [a["self"]])
        }
        cls.dict["__pos__"] = nativeFunction("__pos__(self)") { _, a in a["self"] }
        cls.dict["__abs__"] = nativeFunction("__abs__(self)") { interp, a in
            try interp.derive(try interp.tensorArg(a, "self").abs(), "AbsBackward0", from: [a["self"]])
        }
        cls.dict["__invert__"] = nativeFunction("__invert__(self)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            guard !t.dtype.isFloatingPoint else {
                throw interp.typeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try t.bitwise_not() })
        }
    }

    /// After an in-place op: the tensor now has `gradFn` if it or `other` requires grad (grad mode on).
    func markInPlace(_ value: PyValue, _ gradFn: String, other: PyValue = .none) {
        guard let box = tensorBox(value), torchState.gradEnabled else { return }
        if box.requiresGrad || tensorBox(other)?.requiresGrad == true {
            box.gradFn = gradFn
            box.requiresGrad = true
        }
    }

    /// `a @ b` / `torch.matmul` with the grad_fn name PyTorch's dispatch produces.
    func matmul(_ left: PyValue, _ right: PyValue) throws -> PyValue {
        let a = try tensor(from: left, argument: "input", function: "matmul")
        let b = try tensor(from: right, argument: "other", function: "matmul")
        if a.dim >= 2 && b.dim >= 2, let batch = try? Broadcasting.shape(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2))) {
            try checkAllocation(batch + [a.shape[a.dim - 2], b.shape[b.dim - 1]], a.dtype)
        }
        try chargeMatmul(a, b)
        let result = try kernel { () throws(TensorError) in try a.matmul(b) }
        let gradFn: String
        switch (a.dim, b.dim) {
        case (1, 1): gradFn = "DotBackward0"
        case (2, 1): gradFn = "MvBackward0"
        case (2, 2): gradFn = "MmBackward0"
        case (1, 2): gradFn = "SqueezeBackward4"
        default: gradFn = "UnsafeViewBackward0"
        }
        return try derive(result, gradFn, from: [left, right])
    }
}
