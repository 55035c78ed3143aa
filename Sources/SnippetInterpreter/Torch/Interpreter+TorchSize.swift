import TensorKernel

/// `torch.Size`: an immutable sequence of ints that prints as `torch.Size([2, 3])` and equals the matching tuple.
extension Interpreter {
    func sizeObject(_ dims: [Int]) -> PyValue {
        let instance = PyInstance(cls: torchState.sizeClass)
        instance.native = SizeValue(dims: dims)
        return .object(instance)
    }

    /// The dims of a `torch.Size`, or nil.
    func sizeValue(_ value: PyValue) -> [Int]? {
        if case .object(let o) = value, let instance = o as? PyInstance { return (instance.native as? SizeValue)?.dims }
        return nil
    }

    func installSizeClass(_ state: TorchState) {
        let cls = state.sizeClass
        func dims(_ interp: Interpreter, _ a: BoundArguments) -> [Int] { interp.sizeValue(a["self"]) ?? [] }
        let binder = ArgumentBinder("Size(sizes=())")
        cls.construct = { interp, _, args, kwargs in
            let bound = try binder.bind(interp, args, kwargs)
            return interp.sizeObject(try interp.iterate(bound["sizes"]).map { item in
                guard let i = interp.intValue(item) else { throw interp.typeError("'\(interp.typeOf(item).name)' object cannot be interpreted as an integer") }
                return i
            })
        }
        cls.dict["__repr__"] = nativeFunction("__repr__(self)") { interp, a in
            .str("torch.Size([" + dims(interp, a).map(String.init).joined(separator: ", ") + "])")
        }
        cls.dict["__len__"] = nativeFunction("__len__(self)") { interp, a in .int(dims(interp, a).count) }
        cls.dict["numel"] = nativeFunction("numel(self)") { interp, a in .int(dims(interp, a).reduce(1, *)) }
        cls.dict["__iter__"] = nativeFunction("__iter__(self)") { interp, a in
            var iterator = dims(interp, a).makeIterator()
            return .object(PyIterator { iterator.next().map { .int($0) } })
        }
        cls.dict["__getitem__"] = nativeFunction("__getitem__(self, index)") { interp, a in
            let values = dims(interp, a)
            if case .object(let o) = a["index"], let slice = o as? PySlice {
                return interp.sizeObject(try interp.sliceRange(slice, length: values.count).map { values[$0] })
            }
            guard let index = try interp.indexValue(a["index"]) else {
                throw interp.typeError("tuple indices must be integers or slices, not \(interp.typeOf(a["index"]).name)")
            }
            return .int(values[try interp.normalizedIndex(index, count: values.count, "tuple index out of range")])
        }
        cls.dict["__eq__"] = nativeFunction("__eq__(self, other)") { interp, a in
            guard let other = interp.intSequence(a["other"]) else { return .bool(false) }
            return .bool(other == dims(interp, a))
        }
        cls.dict["__ne__"] = nativeFunction("__ne__(self, other)") { interp, a in
            guard let other = interp.intSequence(a["other"]) else { return .bool(true) }
            return .bool(other != dims(interp, a))
        }
        cls.dict["__hash__"] = nativeFunction("__hash__(self)") { interp, a in
            .int(try interp.hash(.tuple(dims(interp, a).map { .int($0) })))
        }
        for (name, op) in [("__lt__", CompareOp.lt), ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge)] {
            cls.dict[name] = nativeFunction("\(name)(self, other)") { interp, a in
                guard let other = interp.intSequence(a["other"]) else { return .notImplemented }
                return try interp.compare(op, .tuple(dims(interp, a).map { .int($0) }), .tuple(other.map { .int($0) }))
            }
        }
        cls.dict["__contains__"] = nativeFunction("__contains__(self, item)") { interp, a in
            .bool(interp.intValue(a["item"]).map { dims(interp, a).contains($0) } ?? false)
        }
        cls.dict["__add__"] = nativeFunction("__add__(self, other)") { interp, a in
            guard let other = interp.intSequence(a["other"]) else {
                throw interp.typeError("can only concatenate tuple (not \"\(interp.typeOf(a["other"]).name)\") to tuple")
            }
            return interp.sizeObject(dims(interp, a) + other)
        }
        cls.dict["__radd__"] = nativeFunction("__radd__(self, other)") { interp, a in
            guard case .tuple = a["other"], let other = interp.intSequence(a["other"]) else { return .notImplemented }
            return interp.sizeObject(other + dims(interp, a))
        }
        cls.dict["index"] = nativeFunction("index(self, value)") { interp, a in
            guard let v = interp.intValue(a["value"]), let i = dims(interp, a).firstIndex(of: v) else {
                throw interp.error("ValueError", "tuple.index(x): x not in tuple")
            }
            return .int(i)
        }
        cls.dict["count"] = nativeFunction("count(self, value)") { interp, a in
            .int(interp.intValue(a["value"]).map { v in dims(interp, a).filter { $0 == v }.count } ?? 0)
        }
    }

    /// A tuple, list or `torch.Size` of ints (nil for anything else).
    func intSequence(_ value: PyValue) -> [Int]? {
        if let dims = sizeValue(value) { return dims }
        let items: [PyValue]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default: return nil
        }
        var result: [Int] = []
        for item in items {
            guard let i = intValue(item) else { return nil }
            result.append(i)
        }
        return result
    }
}

/// The dims stored in a `torch.Size` instance.
struct SizeValue {
    let dims: [Int]
}
