extension Interpreter {
    /// Index for `__getitem__` on sequences: int or bool, or an object with `__index__`.
    func indexValue(_ value: PyValue) throws -> Int? {
        if let i = intValue(value) { return i }
        if case .object(let o) = value, o is PyInstance, let result = try callSpecial(value, "__index__", []), let i = intValue(result) {
            return i
        }
        return nil
    }

    /// CPython's `slice.indices(length)`.
    func sliceIndices(_ slice: PySlice, length: Int) throws -> (start: Int, stop: Int, step: Int) {
        func component(_ value: PyValue) throws -> Int? {
            if value.isNone { return nil }
            guard let i = try indexValue(value) else {
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
            return i
        }
        let step = try component(slice.step) ?? 1
        if step == 0 { throw error("ValueError", "slice step cannot be zero") }
        let lower = step < 0 ? -1 : 0
        let upper = step < 0 ? length - 1 : length
        func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
            guard var v = value else { return defaultValue }
            if v < 0 {
                v += length
                return v < lower ? lower : v
            }
            return v > upper ? upper : v
        }
        return (clamp(try component(slice.start), step < 0 ? upper : lower), clamp(try component(slice.stop), step < 0 ? lower : upper), step)
    }

    func sliceRange(_ slice: PySlice, length: Int) throws -> [Int] {
        let (start, stop, step) = try sliceIndices(slice, length: length)
        var result: [Int] = []
        var i = start
        while step > 0 ? i < stop : i > stop {
            result.append(i)
            i += step
        }
        return result
    }

    func normalizedIndex(_ index: Int, count: Int, _ message: String) throws -> Int {
        let i = index < 0 ? index + count : index
        guard i >= 0 && i < count else { throw error("IndexError", message) }
        return i
    }

    func getItem(_ object: PyValue, _ index: PyValue) throws -> PyValue {
        switch object {
        case .list(let list):
            if let i = intValue(index) { return list.items[try normalizedIndex(i, count: list.items.count, "list index out of range")] }
            if case .object(let s as PySlice) = index { return .list(PyList(try sliceRange(s, length: list.items.count).map { list.items[$0] })) }
            if let i = try indexValue(index) { return list.items[try normalizedIndex(i, count: list.items.count, "list index out of range")] }
            throw typeError("list indices must be integers or slices, not \(typeOf(index).name)")
        case .tuple(let items):
            if let i = try indexValue(index) { return items[try normalizedIndex(i, count: items.count, "tuple index out of range")] }
            if case .object(let s as PySlice) = index { return .tuple(try sliceRange(s, length: items.count).map { items[$0] }) }
            throw typeError("tuple indices must be integers or slices, not \(typeOf(index).name)")
        case .str(let string):
            let chars = Array(string)
            if let i = try indexValue(index) { return .str(String(chars[try normalizedIndex(i, count: chars.count, "string index out of range")])) }
            if case .object(let s as PySlice) = index { return .str(String(try sliceRange(s, length: chars.count).map { chars[$0] })) }
            throw typeError("string indices must be integers, not '\(typeOf(index).name)'")
        case .dict(let dict):
            if let value = dict[try key(index)] { return value }
            throw PythonRaise(keyError(index))
        case .object(let o):
            if let range = o as? PyRange {
                if let i = try indexValue(index) {
                    let n = try normalizedIndex(i, count: range.count, "range object index out of range")
                    return .int(range.start + n * range.step)
                }
                if case .object(let s as PySlice) = index {
                    let (start, stop, step) = try sliceIndices(s, length: range.count)
                    return .object(PyRange(start: range.start + start * range.step, stop: range.start + stop * range.step, step: range.step * step))
                }
                throw typeError("range indices must be integers or slices, not \(typeOf(index).name)")
            }
            if let result = try callSpecial(object, "__getitem__", [index]) { return result }
            if let cls = o as? PyClass {
                if let method = cls.lookup("__class_getitem__") { return try call(method, [index]) }
                if cls.isBuiltin { return object }
                throw typeError("type '\(cls.name)' is not subscriptable")
            }
            throw typeError("'\(typeOf(object).name)' object is not subscriptable")
        default:
            throw typeError("'\(typeOf(object).name)' object is not subscriptable")
        }
    }

    func keyError(_ key: PyValue) -> PyInstance {
        let exception = makeException("KeyError", "")
        exception.attributes["args"] = .tuple([key])
        return exception
    }

    func setItem(_ object: PyValue, _ index: PyValue, _ value: PyValue) throws {
        switch object {
        case .list(let list):
            if let i = try indexValue(index) {
                let position = try normalizedIndex(i, count: list.items.count, "list assignment index out of range")
                list.adjustCharge(adding: value, removing: list.items[position], slots: 0)
                list.items[position] = value
                try checkMemory()
                return
            }
            guard case .object(let s as PySlice) = index else {
                throw typeError("list indices must be integers or slices, not \(typeOf(index).name)")
            }
            let newItems = try iterate(value)
            let (start, stop, step) = try sliceIndices(s, length: list.items.count)
            if step == 1 {
                list.items.replaceSubrange(start..<max(start, stop), with: newItems)
                list.recharge()
                try checkMemory()
                return
            }
            let positions = try sliceRange(s, length: list.items.count)
            guard positions.count == newItems.count else {
                throw error("ValueError", "attempt to assign sequence of size \(newItems.count) to extended slice of size \(positions.count)")
            }
            for (position, item) in zip(positions, newItems) { list.items[position] = item }
            list.recharge()
            try checkMemory()
        case .dict(let dict):
            dict[try key(index)] = value
            try checkMemory()
        case .object(let o):
            if o is PyInstance, let function = typeOf(object).lookup("__setitem__") {
                _ = try callMethod(function, object, [index, value])
                return
            }
            throw typeError("'\(typeOf(object).name)' object does not support item assignment")
        default:
            throw typeError("'\(typeOf(object).name)' object does not support item assignment")
        }
    }

    func deleteItem(_ object: PyValue, _ index: PyValue) throws {
        switch object {
        case .list(let list):
            if let i = try indexValue(index) {
                let position = try normalizedIndex(i, count: list.items.count, "list assignment index out of range")
                list.adjustCharge(adding: nil, removing: list.items[position], slots: -1)
                list.items.remove(at: position)
                return
            }
            guard case .object(let s as PySlice) = index else {
                throw typeError("list indices must be integers or slices, not \(typeOf(index).name)")
            }
            let positions = Set(try sliceRange(s, length: list.items.count))
            list.items = list.items.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
            list.recharge()
        case .dict(let dict):
            let k = try key(index)
            guard dict[k] != nil else { throw PythonRaise(keyError(index)) }
            dict[k] = nil
        case .object(let o):
            if o is PyInstance, let function = typeOf(object).lookup("__delitem__") {
                _ = try callMethod(function, object, [index])
                return
            }
            throw typeError("'\(typeOf(object).name)' object doesn't support item deletion")
        default:
            throw typeError("'\(typeOf(object).name)' object doesn't support item deletion")
        }
    }

    // MARK: Iteration

    func isIterable(_ value: PyValue) -> Bool {
        switch value {
        case .str, .list, .tuple, .dict: return true
        case .object(let o):
            if o is PySet || o is PyRange || o is PyIterator || o is PyDictView { return true }
            if o is PyInstance { return typeOf(value).lookup("__iter__") != nil || typeOf(value).lookup("__getitem__") != nil }
            return false
        default: return false
        }
    }

    func makeIterator(_ value: PyValue) throws -> PyIterator {
        switch value {
        case .list(let list):
            var index = 0
            return PyIterator {
                guard index < list.items.count else { return nil }
                index += 1
                return list.items[index - 1]
            }
        case .tuple(let items):
            var index = 0
            return PyIterator {
                guard index < items.count else { return nil }
                index += 1
                return items[index - 1]
            }
        case .str(let s):
            var iterator = s.makeIterator()
            return PyIterator { iterator.next().map { .str(String($0)) } }
        case .dict(let dict):
            let keys = dict.keyValues
            let size = dict.count
            var index = 0
            return PyIterator { [unowned self] in
                if dict.count != size { throw self.error("RuntimeError", "dictionary changed size during iteration") }
                guard index < keys.count else { return nil }
                index += 1
                return keys[index - 1]
            }
        case .object(let o):
            switch o {
            case let iterator as PyIterator:
                return iterator
            case let range as PyRange:
                var current = range.start
                return PyIterator {
                    guard range.step > 0 ? current < range.stop : current > range.stop else { return nil }
                    current += range.step
                    return .int(current - range.step)
                }
            case let set as PySet:
                return try makeIterator(.tuple(set.elements))
            case let view as PyDictView:
                return try makeIterator(.tuple(view.elements))
            default:
                if let iterMethod = typeOf(value).lookup("__iter__") {
                    let iterator = try callMethod(iterMethod, value, [])
                    if case .object(let it as PyIterator) = iterator { return it }
                    guard let nextMethod = typeOf(iterator).lookup("__next__") else {
                        throw typeError("iter() returned non-iterator of type '\(typeOf(iterator).name)'")
                    }
                    return PyIterator { [unowned self] in
                        do {
                            return try self.callMethod(nextMethod, iterator, [])
                        } catch let raise as PythonRaise where raise.exception.cls === self.types.exceptions["StopIteration"] {
                            return nil
                        }
                    }
                }
                if let getItem = typeOf(value).lookup("__getitem__") {
                    var index = 0
                    return PyIterator { [unowned self] in
                        do {
                            let item = try self.callMethod(getItem, value, [.int(index)])
                            index += 1
                            return item
                        } catch let raise as PythonRaise where raise.exception.cls.isSubclass(of: self.types.exceptions["IndexError"]!)
                                    || raise.exception.cls === self.types.exceptions["StopIteration"] {
                            return nil
                        }
                    }
                }
            }
        default:
            break
        }
        throw typeError("'\(typeOf(value).name)' object is not iterable")
    }

    /// Collects an iterable into an array, charging the step and memory budgets as it grows.
    func iterate(_ value: PyValue) throws -> [PyValue] {
        switch value {
        case .list(let list): return list.items
        case .tuple(let items): return items
        default: break
        }
        let iterator = try makeIterator(value)
        var result: [PyValue] = []
        while let item = try iterator.next() {
            result.append(item)
            if result.count & 1023 == 0 {
                try step()
                try checkSize(bytes: result.count * 16)
            }
        }
        return result
    }
}
