import Foundation

/// A parsed JSON value that keeps booleans, integers and numbers apart (JSONSerialization blurs them on Linux).
indirect enum JSONNode: Decodable, CustomStringConvertible {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONNode]), object([String: JSONNode])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONNode].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONNode].self)) }
    }

    static func parse(_ data: Data) throws -> JSONNode { try JSONDecoder().decode(JSONNode.self, from: data) }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let v): "\(v)"
        case .integer(let v): "\(v)"
        case .number(let v): "\(v)"
        case .string(let v): "\"\(v)\""
        case .array(let v): "[\(v.map(\.description).joined(separator: ","))]"
        case .object(let v): "{\(v.keys.sorted().map { "\"\($0)\":\(v[$0]!)" }.joined(separator: ","))}"
        }
    }

    var double: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .number(let v): v
        default: nil
        }
    }

    subscript(key: String) -> JSONNode? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// The subset of JSON Schema 2020-12 the bundle schemas use: `type` (string or list), `properties`, `required`,
/// `additionalProperties: false`, `items`, `enum`, `const`, `oneOf`, `minimum`, `maximum` and local `$ref`.
/// Returns one message per violation, each starting with a JSON pointer.
struct SchemaValidator {
    var root: JSONNode

    init(schema: Data) throws {
        root = try JSONNode.parse(schema)
    }

    func validate(_ document: Data) throws -> [String] {
        check(try JSONNode.parse(document), against: root, at: "")
    }

    private func resolve(_ schema: JSONNode) -> JSONNode {
        guard case .string(let ref)? = schema["$ref"], ref.hasPrefix("#/$defs/"),
              let target = root["$defs"]?[String(ref.dropFirst("#/$defs/".count))] else { return schema }
        return resolve(target)
    }

    private func matches(_ type: String, _ value: JSONNode) -> Bool {
        type == value.typeName || (type == "number" && value.typeName == "integer")
    }

    private func check(_ value: JSONNode, against raw: JSONNode, at pointer: String) -> [String] {
        let schema = resolve(raw)
        var errors: [String] = []
        switch schema["type"] {
        case .string(let type)? where !matches(type, value):
            return ["\(pointer): expected \(type), got \(value.typeName)"]
        case .array(let types)? where !types.contains(where: { if case .string(let t) = $0 { matches(t, value) } else { false } }):
            return ["\(pointer): expected one of \(types), got \(value.typeName)"]
        default: break
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { $0.description == value.description }) {
            errors.append("\(pointer): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], constant.description != value.description {
            errors.append("\(pointer): expected \(constant), got \(value)")
        }
        if let number = value.double {
            if let minimum = schema["minimum"]?.double, number < minimum { errors.append("\(pointer): \(value) is below \(minimum)") }
            if let maximum = schema["maximum"]?.double, number > maximum { errors.append("\(pointer): \(value) is above \(maximum)") }
        }
        if case .array(let options)? = schema["oneOf"] {
            let passing = options.filter { check(value, against: $0, at: pointer).isEmpty }.count
            if passing != 1 { errors.append("\(pointer): matches \(passing) of the oneOf schemas, expected exactly 1") }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where members[name] == nil {
                    errors.append("\(pointer): missing required property '\(name)'")
                }
            }
            for name in members.keys.sorted() {
                if let sub = schema["properties"]?[name] {
                    errors += check(members[name]!, against: sub, at: "\(pointer)/\(name)")
                } else if case .bool(false)? = schema["additionalProperties"] {
                    errors.append("\(pointer): unexpected property '\(name)'")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                errors += check(item, against: itemSchema, at: "\(pointer)/\(index)")
            }
        }
        return errors
    }
}
