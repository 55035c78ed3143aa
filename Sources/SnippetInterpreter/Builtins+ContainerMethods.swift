extension Interpreter {
    func listSelf(_ value: PyValue) throws -> PyList {
        guard case .list(let list) = value else { throw typeError("descriptor requires a 'list' object but received a '\(typeOf(value).name)'") }
        return list
    }

    func dictSelf(_ value: PyValue) throws -> PyDict {
        guard case .dict(let dict) = value else { throw typeError("descriptor requires a 'dict' object but received a '\(typeOf(value).name)'") }
        return dict
    }

    func setSelf(_ value: PyValue) throws -> PySet {
        guard case .object(let o) = value, let set = o as? PySet else {
            throw typeError("descriptor requires a 'set' object but received a '\(typeOf(value).name)'")
        }
        return set
    }

    func installContainerMethods() {
        let list = types.list
        method(list, "append(self, object, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            l.items.append(a["object"])
            try interp.checkMemory()
            return .none
        }
        // `x.append(v)` is the hottest method call: skip argument binding when the call is already well-formed.
        if case .object(let bound as PyBuiltinFunction)? = list.dict["append"] {
            rawMethod(list, "append") { interp, args, kwargs in
                guard args.count == 2, kwargs.isEmpty, case .list(let l) = args[0] else { return try bound.fn(interp, args, kwargs) }
                l.items.append(args[1])
                try interp.checkMemory()
                return .none
            }
        }
        method(list, "extend(self, iterable, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            let items = try interp.iterateChecked(a["iterable"])
            try interp.checkSize(bytes: items.count * MemoryBudget.slotBytes)
            l.items.append(contentsOf: items)
            try interp.checkMemory()
            return .none
        }
        method(list, "insert(self, index, object, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            var i = try interp.optionalInt(a["index"], default: 0)
            if i < 0 { i = max(0, i + l.items.count) }
            l.adjustCharge(adding: a["object"], removing: nil, slots: 1)
            l.items.insert(a["object"], at: min(i, l.items.count))
            try interp.checkMemory()
            return .none
        }
        method(list, "pop(self, index=-1, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            if l.items.isEmpty { throw interp.error("IndexError", "pop from empty list") }
            let i = try interp.normalizedIndex(try interp.optionalInt(a["index"], default: -1), count: l.items.count, "pop index out of range")
            l.adjustCharge(adding: nil, removing: l.items[i], slots: -1)
            return l.items.remove(at: i)
        }
        method(list, "remove(self, value, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            for (i, item) in l.items.enumerated() where try interp.equals(item, a["value"]) {
                l.adjustCharge(adding: nil, removing: item, slots: -1)
                l.items.remove(at: i)
                return .none
            }
            throw interp.error("ValueError", "list.remove(x): x not in list")
        }
        method(list, "index(self, value, start=0, stop=None, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            let (start, stop, _) = try interp.sliceIndices(PySlice(start: a["start"], stop: a["stop"], step: .none), length: l.items.count)
            if start < stop {
                for i in start..<stop where try interp.equals(l.items[i], a["value"]) { return .int(i) }
            }
            throw interp.error("ValueError", "\(try interp.repr(a["value"])) is not in list")
        }
        method(list, "count(self, value, /)") { interp, a in
            let l = try interp.listSelf(a["self"])
            return .int(try l.items.filter { try interp.equals($0, a["value"]) }.count)
        }
        rawMethod(list, "sort") { interp, args, kwargs in
            guard args.count == 1 else { throw interp.typeError("sort() takes no positional arguments") }
            let l = try interp.listSelf(args[0])
            l.items = try interp.sortValues(l.items, kwargs, function: "sort")
            return .none
        }
        method(list, "reverse(self)") { interp, a in
            try interp.listSelf(a["self"]).items.reverse()
            return .none
        }
        method(list, "copy(self)") { interp, a in .list(PyList(try interp.listSelf(a["self"]).items)) }
        method(list, "clear(self)") { interp, a in
            try interp.listSelf(a["self"]).items.removeAll()
            return .none
        }

        let tuple = types.tuple
        method(tuple, "index(self, value, /)") { interp, a in
            guard case .tuple(let items) = a["self"] else { return .none }
            for (i, item) in items.enumerated() where try interp.equals(item, a["value"]) { return .int(i) }
            throw interp.error("ValueError", "tuple.index(x): x not in tuple")
        }
        method(tuple, "count(self, value, /)") { interp, a in
            guard case .tuple(let items) = a["self"] else { return .none }
            return .int(try items.filter { try interp.equals($0, a["value"]) }.count)
        }

        let dict = types.dict
        method(dict, "get(self, key, default=None, /)") { interp, a in
            try interp.dictSelf(a["self"])[try interp.key(a["key"])] ?? a["default"]
        }
        for kind in [PyDictView.Kind.keys, .values, .items] {
            let viewClass = PyClass(name: kind.rawValue, bases: [types.object], isBuiltin: true)
            types.extra[kind.rawValue] = viewClass
            method(dict, "\(kind == .keys ? "keys" : kind == .values ? "values" : "items")(self)") { interp, a in
                .object(PyDictView(try interp.dictSelf(a["self"]), kind))
            }
        }
        rawMethod(dict, "pop") { interp, args, _ in
            guard args.count == 2 || args.count == 3 else { throw interp.typeError("pop expected at least 1 argument, got \(args.count - 1)") }
            let d = try interp.dictSelf(args[0])
            let k = try interp.key(args[1])
            if let value = d[k] {
                d[k] = nil
                return value
            }
            if args.count == 3 { return args[2] }
            throw PythonRaise(interp.keyError(args[1]))
        }
        method(dict, "popitem(self)") { interp, a in
            let d = try interp.dictSelf(a["self"])
            guard let last = d.keyedEntries.last else { throw interp.error("KeyError", "popitem(): dictionary is empty") }
            d[last.key] = nil
            return .tuple([last.key.value, last.value])
        }
        rawMethod(dict, "update") { interp, args, kwargs in
            let d = try interp.dictSelf(args[0])
            if args.count > 1 { try interp.updateDict(d, args[1]) }
            for (k, v) in kwargs { d[PyKey(value: .str(k))] = v }
            return .none
        }
        method(dict, "setdefault(self, key, default=None, /)") { interp, a in
            let d = try interp.dictSelf(a["self"])
            let k = try interp.key(a["key"])
            if let value = d[k] { return value }
            d[k] = a["default"]
            return a["default"]
        }
        method(dict, "copy(self)") { interp, a in .dict(try interp.dictSelf(a["self"]).copy()) }
        method(dict, "clear(self)") { interp, a in
            try interp.dictSelf(a["self"]).removeAll()
            return .none
        }

        let set = types.set
        method(set, "add(self, element, /)") { interp, a in
            try interp.setSelf(a["self"]).insert(try interp.key(a["element"]))
            return .none
        }
        rawMethod(set, "update") { interp, args, _ in
            let s = try interp.setSelf(args[0])
            for other in args.dropFirst() {
                for item in try interp.iterateChecked(other) { s.insert(try interp.key(item)) }
            }
            return .none
        }
        method(set, "discard(self, element, /)") { interp, a in
            try interp.setSelf(a["self"]).remove(try interp.key(a["element"]))
            return .none
        }
        method(set, "remove(self, element, /)") { interp, a in
            let s = try interp.setSelf(a["self"])
            let k = try interp.key(a["element"])
            guard s.remove(k) else { throw PythonRaise(interp.keyError(a["element"])) }
            return .none
        }
        method(set, "pop(self)") { interp, a in
            let s = try interp.setSelf(a["self"])
            guard let first = s.popFirst() else { throw interp.error("KeyError", "pop from an empty set") }
            return first
        }
        method(set, "copy(self)") { interp, a in .object(try interp.setSelf(a["self"]).copy()) }
        method(set, "clear(self)") { interp, a in
            try interp.setSelf(a["self"]).removeAll()
            return .none
        }
        let setOperations: [(String, BinaryOp)] = [
            ("union", .bitOr), ("intersection", .bitAnd), ("difference", .sub), ("symmetric_difference", .bitXor),
        ]
        for (name, op) in setOperations {
            rawMethod(set, name) { interp, args, _ in
                var result: PyValue = .object(try interp.setSelf(args[0]).copy())
                for other in args.dropFirst() {
                    let otherSet = PySet()
                    for item in try interp.iterateChecked(other) { otherSet.insert(try interp.key(item)) }
                    result = try interp.binaryOperation(op, result, .object(otherSet))
                }
                return result
            }
        }
        for (name, op) in [("issubset", CompareOp.le), ("issuperset", .ge)] {
            method(set, "\(name)(self, other, /)") { interp, a in
                let otherSet = PySet()
                for item in try interp.iterateChecked(a["other"]) { otherSet.insert(try interp.key(item)) }
                return try interp.richCompare(op, a["self"], .object(otherSet))
            }
        }
        method(set, "isdisjoint(self, other, /)") { interp, a in
            let s = try interp.setSelf(a["self"])
            for item in try interp.iterateChecked(a["other"]) where s.contains(try interp.key(item)) { return .bool(false) }
            return .bool(true)
        }
        for name in ["union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "copy"] {
            types.frozenset.dict[name] = set.dict[name]
        }
    }
}
