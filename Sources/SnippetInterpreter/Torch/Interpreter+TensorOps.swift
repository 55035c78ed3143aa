import TensorKernel

/// Elementwise torch functions and Tensor methods (math, binary ops, clamp, where, masked_fill, in-place `*_`).
extension Interpreter {
    typealias UnaryKernel = (Tensor) throws(TensorError) -> Tensor

    /// `torch.name(input)`, `x.name()` and the in-place `x.name_()`.
    private func unary(_ name: String, _ gradFn: String, _ body: @escaping UnaryKernel) {
        defineOp("\(name)(input)") { interp, a in
            let t = try interp.tensorArg(a, "input", name)
            return try interp.derive(try interp.kernel { () throws(TensorError) in try body(t) }, gradFn, from: [a["input"]])
        }
        defineOp("\(name)_(input)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            try interp.checkInPlace(a["input"])
            let result = try interp.kernel { () throws(TensorError) in try body(t) }
            try interp.kernel { () throws(TensorError) in _ = try t.copy_(result) }
            interp.markInPlace(a["input"], gradFn)
            return a["input"]
        }
    }

    func installTensorOps() {
        let unaryOps: [(String, String, UnaryKernel)] = [
            ("exp", "ExpBackward0", { $0.exp() }), ("log", "LogBackward0", { $0.log() }),
            ("log1p", "Log1PBackward0", { $0.log1p() }), ("expm1", "Expm1Backward0", { $0.unary(.expm1) }),
            ("sqrt", "SqrtBackward0", { $0.sqrt() }), ("rsqrt", "RsqrtBackward0", { $0.rsqrt() }),
            ("sin", "SinBackward0", { $0.sin() }), ("cos", "CosBackward0", { $0.cos() }),
            ("tan", "TanBackward0", { $0.unary(.tan) }), ("tanh", "TanhBackward0", { $0.tanh() }),
            ("sigmoid", "SigmoidBackward0", { $0.sigmoid() }), ("erf", "ErfBackward0", { $0.unary(.erf) }),
            ("reciprocal", "ReciprocalBackward0", { $0.unary(.reciprocal) }),
            ("relu", "ReluBackward0", { $0.relu() }), ("abs", "AbsBackward0", { $0.abs() }),
            ("neg", "NegBackward0", { t throws(TensorError) in try t.neg() }), ("sign", "SignBackward0", { $0.sign() }),
            ("floor", "FloorBackward0", { $0.floor() }), ("ceil", "CeilBackward0", { $0.ceil() }),
            ("trunc", "TruncBackward0", { $0.trunc() }), ("square", "PowBackward0", { t throws(TensorError) in try t.pow(.int(2)) }),
            ("isnan", "", { $0.isnan() }), ("isinf", "", { $0.isinf() }), ("isfinite", "", { $0.isfinite() }),
            ("logical_not", "", { $0.logical_not() }), ("bitwise_not", "", { t throws(TensorError) in try t.bitwise_not() }),
        ]
        for (name, gradFn, body) in unaryOps { unary(name, gradFn, body) }
        torchState.tensorClass.dict["absolute"] = torchState.tensorClass.dict["abs"]
        torchState.tensorClass.dict["negative"] = torchState.tensorClass.dict["neg"]

        defineOp("round(input, *, decimals=None)") { interp, a in
            let t = try interp.tensorArg(a)
            // `decimals=` selects ATen's round.decimals overload (even for 0), whose backward is RoundBackward1.
            let explicit: Bool
            if case .none = a["decimals"] { explicit = false } else { explicit = true }
            let decimals = explicit ? try interp.intArg(a["decimals"], "decimals", "round") : 0
            return try interp.derive(t.round(decimals: decimals), explicit ? "RoundBackward1" : "RoundBackward0", from: [a["input"]])
        }
        for (name, op) in [("add", TensorKernel.BinaryOp.add), ("sub", .sub)] {
            let gradFn = name == "add" ? "AddBackward0" : "SubBackward0"
            defineOp("\(name)(input, other, *, alpha=1)") { interp, a in
                let t = try interp.tensorArg(a, "input", name)
                let other = try interp.operandArg(a["other"], "other", name)
                let alpha = try interp.operandArg(a["alpha"], "alpha", name)
                let result = try interp.kernel { () throws(TensorError) in try Tensor.binary(op, .tensor(t), other, alpha: alpha) }
                return try interp.derive(result, gradFn, from: [a["input"], a["other"]])
            }
            defineOp("\(name)_(input, other, *, alpha=1)", function: false) { interp, a in
                let t = try interp.tensorArg(a)
                let other = try interp.operandArg(a["other"], "other", name + "_")
                let alpha = try interp.operandArg(a["alpha"], "alpha", name + "_")
                try interp.checkInPlace(a["input"])
                try interp.kernel { () throws(TensorError) in _ = try t.binary_(op, other, alpha: alpha) }
                interp.markInPlace(a["input"], gradFn, other: a["other"])
                return a["input"]
            }
        }
        torchState.functions["subtract"] = torchState.functions["sub"]
        let binaries: [(String, TensorKernel.BinaryOp, String)] = [
            ("mul", .mul, "MulBackward0"), ("pow", .pow, "PowBackward0"), ("remainder", .remainder, "RemainderBackward0"),
            ("floor_divide", .floorDivide, "FloorDivideBackward0"), ("atan2", .atan2, "Atan2Backward0"),
            ("maximum", .maximum, "MaximumBackward0"), ("minimum", .minimum, "MinimumBackward0"),
            ("fmod", .remainder, "FmodBackward0"),
            ("eq", .eq, ""), ("ne", .ne, ""), ("lt", .lt, ""), ("le", .le, ""), ("gt", .gt, ""), ("ge", .ge, ""),
            ("logical_and", .logicalAnd, ""), ("logical_or", .logicalOr, ""), ("logical_xor", .logicalXor, ""),
            ("bitwise_and", .bitwiseAnd, ""), ("bitwise_or", .bitwiseOr, ""), ("bitwise_xor", .bitwiseXor, ""),
        ]
        for (name, op, gradFn) in binaries {
            defineOp("\(name)(input, other)") { interp, a in
                let t = try interp.tensorArg(a, "input", name)
                let other = try interp.operandArg(a["other"], "other", name)
                try interp.checkBroadcastAllocation(.tensor(t), other)
                let result = try interp.kernel { () throws(TensorError) in try Tensor.binary(op, .tensor(t), other) }
                if gradFn.isEmpty { return try interp.wrap(result) }
                return try interp.derive(result, gradFn, from: [a["input"], a["other"]])
            }
            defineOp("\(name)_(input, other)", function: false) { interp, a in
                let t = try interp.tensorArg(a)
                let other = try interp.operandArg(a["other"], "other", name + "_")
                try interp.checkInPlace(a["input"])
                try interp.kernel { () throws(TensorError) in _ = try t.binary_(op, other) }
                if !gradFn.isEmpty { interp.markInPlace(a["input"], gradFn, other: a["other"]) }
                return a["input"]
            }
        }
        torchState.functions["multiply"] = torchState.functions["mul"]
        for (alias, name) in [("greater", "gt"), ("less", "lt"), ("greater_equal", "ge"), ("less_equal", "le"), ("not_equal", "ne"), ("multiply", "mul")] {
            torchState.tensorClass.dict[alias] = torchState.tensorClass.dict[name]
            torchState.functions[alias] = torchState.functions[name]
        }
        defineOp("div(input, other, *, rounding_mode=None)") { interp, a in
            let t = try interp.tensorArg(a, "input", "div")
            let other = try interp.operandArg(a["other"], "other", "div")
            return try interp.derive(try interp.divide(t, other, a["rounding_mode"]), "DivBackward0", from: [a["input"], a["other"]])
        }
        torchState.functions["divide"] = torchState.functions["div"]
        torchState.tensorClass.dict["divide"] = torchState.functions["div"]
        torchState.functions["true_divide"] = torchState.functions["div"]
        defineOp("div_(input, other, *, rounding_mode=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let other = try interp.operandArg(a["other"], "other", "div_")
            try interp.checkInPlace(a["input"])
            let result = try interp.divide(t, other, a["rounding_mode"])
            try interp.kernel { () throws(TensorError) in _ = try t.copy_(result) }
            interp.markInPlace(a["input"], "DivBackward0", other: a["other"])
            return a["input"]
        }
        defineOp("matmul(input, other)") { interp, a in try interp.matmul(a["input"], a["other"]) }
        let products: [(String, String, String, (Tensor, Tensor) throws(TensorError) -> Tensor)] = [
            ("mm", "mat2", "MmBackward0", { a, b throws(TensorError) in try a.mm(b) }),
            ("bmm", "mat2", "BmmBackward0", { a, b throws(TensorError) in try a.bmm(b) }),
            ("mv", "vec", "MvBackward0", { a, b throws(TensorError) in try a.mv(b) }),
            ("dot", "tensor", "DotBackward0", { a, b throws(TensorError) in try a.dot(b) }),
            ("outer", "vec2", "MulBackward0", { a, b throws(TensorError) in try a.outer(b) }),
        ]
        for (name, other, gradFn, body) in products {
            defineOp("\(name)(input, \(other))") { interp, a in
                let x = try interp.tensorArg(a, "input", name)
                let y = try interp.tensorArg(a, other, name)
                try interp.chargeMatmul(x, y)
                return try interp.derive(try interp.kernel { () throws(TensorError) in try body(x, y) }, gradFn, from: [a["input"], a[other]])
            }
        }
        defineOp("clamp(input, min=None, max=None)") { interp, a in
            let t = try interp.tensorArg(a, "input", "clamp")
            let (low, high) = try interp.clampBounds(a)
            return try interp.derive(try interp.kernel { () throws(TensorError) in try t.clamp(min: low, max: high) }, "ClampBackward1", from: [a["input"]])
        }
        torchState.functions["clip"] = torchState.functions["clamp"]
        torchState.tensorClass.dict["clip"] = torchState.functions["clamp"]
        defineOp("clamp_(input, min=None, max=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let (low, high) = try interp.clampBounds(a)
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.clamp_(min: low, max: high) }
            interp.markInPlace(a["input"], "ClampBackward1")
            return a["input"]
        }
        for (name, isMin) in [("clamp_min", true), ("clamp_max", false)] {
            defineOp("\(name)(input, \(isMin ? "min" : "max"))") { interp, a in
                let t = try interp.tensorArg(a)
                let bound = try interp.operandArg(a[isMin ? "min" : "max"], isMin ? "min" : "max", name)
                let result = try interp.kernel { () throws(TensorError) in isMin ? try t.clamp(min: bound) : try t.clamp(max: bound) }
                return try interp.derive(result, isMin ? "ClampMinBackward0" : "ClampMaxBackward0", from: [a["input"]])
            }
            defineOp("\(name)_(input, \(isMin ? "min" : "max"))", function: false) { interp, a in
                let t = try interp.tensorArg(a)
                let bound = try interp.operandArg(a[isMin ? "min" : "max"], isMin ? "min" : "max", name + "_")
                try interp.checkInPlace(a["input"])
                _ = try interp.kernel { () throws(TensorError) in isMin ? try t.clamp_(min: bound) : try t.clamp_(max: bound) }
                interp.markInPlace(a["input"], isMin ? "ClampMinBackward0" : "ClampMaxBackward0")
                return a["input"]
            }
        }
        defineOp("nonzero(input, *, as_tuple=False)") { interp, a in
            let indices = try interp.tensorArg(a).nonzero()
            guard case .bool(true) = a["as_tuple"] else { return try interp.wrap(indices) }
            return try interp.nonzeroTuple(indices)
        }
        defineOp("argwhere(input)") { interp, a in try interp.wrap(try interp.tensorArg(a).nonzero()) }
        defineOp("masked_fill(input, mask=None, value=None)") { interp, a in
            let t = try interp.tensorArg(a)
            let (mask, value) = try interp.maskedFillArguments(a, "masked_fill")
            return try interp.derive(try interp.kernel { () throws(TensorError) in try t.masked_fill(mask, value) }, "MaskedFillBackward0", from: [a["input"], a["value"]])
        }
        defineOp("masked_fill_(input, mask=None, value=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let (mask, value) = try interp.maskedFillArguments(a, "masked_fill_")
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.masked_fill_(mask, value) }
            interp.markInPlace(a["input"], "MaskedFillBackward0", other: a["value"])
            return a["input"]
        }
        defineOp("where(condition, input=None, other=None)", method: false) { interp, a in
            let condition = try interp.tensorArg(a, "condition", "where")
            guard let x = interp.operand(a["input"]), let y = interp.operand(a["other"]) else {
                if a["input"].isNone && a["other"].isNone { return try interp.nonzeroTuple(condition.nonzero()) }
                throw interp.typeError("where(): argument 'input' (position 2) must be Tensor, not \(interp.typeOf(a["input"]).name)")
            }
            return try interp.derive(try interp.kernel { () throws(TensorError) in try Tensor.where_(condition, x, y) }, "WhereBackward0", from: [a["input"], a["other"]])
        }
        torchState.tensorClass.dict["where"] = nativeFunction("where(input, condition, other)") { interp, a in
            let condition = try interp.tensorArg(a, "condition", "where")
            let x = try interp.tensorArg(a)
            let y = try interp.operandArg(a["other"], "other", "where")
            return try interp.derive(try interp.kernel { () throws(TensorError) in try Tensor.where_(condition, .tensor(x), y) }, "WhereBackward0", from: [a["input"], a["other"]])
        }
        defineOp("isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)") { interp, a in
            let t = try interp.tensorArg(a)
            let other = try interp.tensorArg(a, "other", "isclose")
            let rtol = try interp.doubleArg(a["rtol"], "rtol", "isclose"), atol = try interp.doubleArg(a["atol"], "atol", "isclose")
            let equalNan = try interp.boolArg(a["equal_nan"], "equal_nan", "isclose")
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try t.isclose(other, rtol: rtol, atol: atol, equalNan: equalNan) })
        }
        defineOp("allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False)") { interp, a in
            let t = try interp.tensorArg(a)
            let other = try interp.tensorArg(a, "other", "allclose")
            let rtol = try interp.doubleArg(a["rtol"], "rtol", "allclose"), atol = try interp.doubleArg(a["atol"], "atol", "allclose")
            let equalNan = try interp.boolArg(a["equal_nan"], "equal_nan", "allclose")
            return .bool(try interp.kernel { () throws(TensorError) in try t.allclose(other, rtol: rtol, atol: atol, equalNan: equalNan) })
        }
        defineOp("equal(input, other)") { interp, a in
            .bool(try interp.tensorArg(a).equal(try interp.tensorArg(a, "other", "equal")))
        }
        defineOp("nan_to_num(input, nan=0.0, posinf=None, neginf=None)") { interp, a in
            let t = try interp.tensorArg(a)
            let posinf = a["posinf"].isNone ? nil : try interp.doubleArg(a["posinf"], "posinf", "nan_to_num")
            let neginf = a["neginf"].isNone ? nil : try interp.doubleArg(a["neginf"], "neginf", "nan_to_num")
            return try interp.derive(t.nan_to_num(nan: try interp.doubleArg(a["nan"], "nan", "nan_to_num"), posinf: posinf, neginf: neginf), "NanToNumBackward0", from: [a["input"]])
        }
        installInPlaceFills()
    }

    private func installInPlaceFills() {
        defineOp("zero_(input)", function: false) { interp, a in
            try interp.checkInPlace(a["input"])
            _ = try interp.tensorArg(a).zero_()
            interp.markInPlace(a["input"], "ZeroBackward0")
            return a["input"]
        }
        defineOp("fill_(input, value)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let value = try interp.operandArg(a["value"], "value", "fill_")
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.fill_(value) }
            interp.markInPlace(a["input"], "FillBackward0", other: a["value"])
            return a["input"]
        }
        defineOp("copy_(input, src, non_blocking=False)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let source = try interp.tensorArg(a, "src", "copy_")
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.copy_(source) }
            interp.markInPlace(a["input"], "CopyBackwards", other: a["src"])
            return a["input"]
        }
        defineOp("normal_(input, mean=0, std=1, *, generator=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let mean = try interp.doubleArg(a["mean"], "mean", "normal_"), std = try interp.doubleArg(a["std"], "std", "normal_")
            let box = try interp.generatorArgument(a["generator"])
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.normal_(mean: mean, std: std, generator: &box.generator) }
            return a["input"]
        }
        defineOp("uniform_(input, a=0, b=1, *, generator=None)", function: false) { interp, args in
            let t = try interp.tensorArg(args)
            let low = try interp.doubleArg(args["a"], "from", "uniform_"), high = try interp.doubleArg(args["b"], "to", "uniform_")
            let box = try interp.generatorArgument(args["generator"])
            try interp.checkInPlace(args["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.uniform_(from: low, to: high, generator: &box.generator) }
            return args["input"]
        }
        defineOp("bernoulli_(input, p=0.5, *, generator=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let p = try interp.doubleArg(a["p"], "p", "bernoulli_")
            let box = try interp.generatorArgument(a["generator"])
            try interp.checkInPlace(a["input"])
            _ = try interp.kernel { () throws(TensorError) in try t.bernoulli_(p, generator: &box.generator) }
            return a["input"]
        }
    }

    func divide(_ t: Tensor, _ other: Operand, _ mode: PyValue) throws -> Tensor {
        switch mode {
        case .none: return try kernel { () throws(TensorError) in try Tensor.binary(.div, .tensor(t), other) }
        case .str("floor"): return try kernel { () throws(TensorError) in try Tensor.binary(.floorDivide, .tensor(t), other) }
        case .str("trunc"):
            let q = try kernel { () throws(TensorError) in try Tensor.binary(.div, .tensor(t), other) }
            let truncated = q.trunc()
            let promoted = TypePromotion.resultType(.tensor(t), other)
            return promoted.isFloatingPoint ? truncated : truncated.to(promoted)
        case .str(let s):
            throw error("RuntimeError", "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(s)'")
        default:
            throw typeError("div(): argument 'rounding_mode' must be str, not \(typeOf(mode).name)")
        }
    }

    private func clampBounds(_ a: BoundArguments) throws -> (Operand?, Operand?) {
        let low = a["min"].isNone ? nil : try operandArg(a["min"], "min", "clamp")
        let high = a["max"].isNone ? nil : try operandArg(a["max"], "max", "clamp")
        if low == nil && high == nil {
            throw error("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        return (low, high)
    }

    /// `masked_fill(mask, value)`: a bool tensor mask and a Tensor or number value, else PyTorch's overload error.
    private func maskedFillArguments(_ a: BoundArguments, _ name: String) throws -> (Tensor, Operand) {
        guard let mask = tensorBox(a["mask"])?.tensor, let value = operand(a["value"]) else {
            let given = [a["mask"], a["value"]].filter { !$0.isNone }
            let got = given.map { tensorBox($0) != nil ? "Tensor" : typeOf($0).name }.joined(separator: ", ")
            let overloads = [(" * (Tensor mask, Tensor value)", false), (" * (Tensor mask, Number value)", true)].map { line, numberValue in
                guard given.count == 2 else { return line + "\n" }
                let maskOK = tensorBox(a["mask"]) != nil
                let maskText = maskOK ? "Tensor" : "!\(typeOf(a["mask"]).name)!"
                let valueOK = maskOK && numberValue ? operand(a["value"]).map { if case .tensor = $0 { false } else { true } } ?? false : tensorBox(a["value"]) != nil
                let valueName = tensorBox(a["value"]) != nil ? "Tensor" : typeOf(a["value"]).name
                let valueText = valueOK ? valueName : "!\(valueName)!"
                return line + "\n      didn't match because some of the arguments have invalid types: (\(maskText), \(valueText))\n"
            }
            throw typeError("\(name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n" + overloads.joined())
        }
        return (mask, value)
    }

    /// `nonzero(as_tuple=True)` / `torch.where(cond)`: one 1-D index tensor per dim.
    func nonzeroTuple(_ indices: Tensor) throws -> PyValue {
        .tuple(try (0..<indices.shape[1]).map { d in
            try wrap(try kernel { () throws(TensorError) in try indices.select(1, d).contiguous() })
        })
    }
}
