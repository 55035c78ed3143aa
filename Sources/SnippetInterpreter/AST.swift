/// Expression node; a class so the evaluator walks the tree without copying it. Immutable once parsed, so parsed
/// preludes are shared by every session and thread.
final class Expr: @unchecked Sendable {
    let kind: ExprKind
    let line: Int
    let column: Int
    /// For a name read or assigned in a function body, where the function's local lives in its call scope's
    /// `slots` (see `SlotResolver`); -1: found by name. Set only by the parser before `parseModule` returns.
    var slot = -1
    init(_ kind: ExprKind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

extension Expr {
    /// Literal constants CPython's compiler folds (numbers, strings, None/True/False/..., tuples of those).
    var isConstant: Bool {
        switch kind {
        case .int, .float, .string, .constant: return true
        case .tuple(let items): return items.allSatisfy(\.isConstant)
        default: return false
        }
    }
}

enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**", matmul = "@"
    case lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"

    var dunder: String {
        switch self {
        case .add: "add"
        case .sub: "sub"
        case .mul: "mul"
        case .div: "truediv"
        case .floorDiv: "floordiv"
        case .mod: "mod"
        case .pow: "pow"
        case .matmul: "matmul"
        case .lshift: "lshift"
        case .rshift: "rshift"
        case .bitAnd: "and"
        case .bitOr: "or"
        case .bitXor: "xor"
        }
    }
}

enum UnaryOp: String { case neg = "-", pos = "+", invert = "~", not = "not" }

enum CompareOp: String {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", isOp = "is", isNot = "is not", inOp = "in", notIn = "not in"
}

/// One argument at a call site.
enum CallArg {
    case positional(Expr)
    case keyword(String, Expr)
    case star(Expr)
    case doubleStar(Expr)
}

/// A `for ... in ... if ...` clause of a comprehension.
struct ComprehensionClause {
    let target: Expr
    let iterable: Expr
    let conditions: [Expr]
}

/// Parsed part of an f-string.
enum FStringPart {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

enum ExprKind {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    case fstring([FStringPart])
    case bytes(String)
    case constant(Constant)
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    case dict([(Expr?, Expr)])   // nil key means `**mapping`
    case starred(Expr)
    case attribute(Expr, String)
    case item(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [CallArg])
    case binary(BinaryOp, Expr, Expr)
    case unary(UnaryOp, Expr)
    case boolAnd(Expr, Expr)
    case boolOr(Expr, Expr)
    case compare(Expr, [(CompareOp, Expr)])
    case ifExp(test: Expr, body: Expr, orElse: Expr)
    case lambda(FunctionCode)
    case listComp(Expr, [ComprehensionClause], ScopeInfo)
    case setComp(Expr, [ComprehensionClause], ScopeInfo)
    case generator(Expr, [ComprehensionClause], ScopeInfo)
    case dictComp(Expr, Expr, [ComprehensionClause], ScopeInfo)
    case walrus(String, Expr)
    case yield(Expr?)
}

enum Constant { case none, `true`, `false`, ellipsis }

/// Names a function-like scope binds, decided at parse time (CPython's symtable, simplified).
///
/// The sets are filled only by `Parser` while it builds the tree and never written after `parseModule`
/// returns (the evaluator only reads them), so sharing a finished AST across threads is safe.
final class ScopeInfo: @unchecked Sendable {
    private(set) var locals: Set<String> = []
    /// Summary of `locals`: a name whose bit is clear is not a local, known without hashing it.
    private(set) var localMask = NameMask()
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    /// `locals` in first-binding order (parameters first).
    private var bindingOrder: [String] = []
    /// A function scope's locals by slot (`assignSlots()`); empty for module, class and comprehension scopes,
    /// whose names live in their scope's dictionary.
    private(set) var slots: [String: Int] = [:]
    private(set) var slotCount = 0

    func bindLocal(_ name: String) {
        if locals.insert(name).inserted { bindingOrder.append(name) }
        localMask.insert(name)
    }

    /// Gives each local of a finished function body a slot, in first-binding order.
    func assignSlots() {
        for name in bindingOrder where locals.contains(name) && slots[name] == nil {
            slots[name] = slotCount
            slotCount += 1
        }
    }

    func unbindLocals(_ names: Set<String>) {
        if names.isEmpty { return }
        locals.subtract(names)
        localMask = NameMask(locals)
    }
}

/// A 64-bit summary of a set of names (a one-hash Bloom filter on length and first byte): a clear bit proves a
/// name absent for the cost of two loads, where a `Set` or `Dictionary` lookup hashes the whole string.
struct NameMask {
    private var bits: UInt64 = 0

    init() {}

    init(_ names: Set<String>) {
        for name in names { insert(name) }
    }

    @inline(__always)
    static func bit(_ name: String) -> UInt64 {
        let utf8 = name.utf8
        let key = UInt64(truncatingIfNeeded: utf8.count) &* 37 &+ UInt64(utf8.first ?? 0)
        return 1 << (key & 63)
    }

    mutating func insert(_ name: String) { bits |= NameMask.bit(name) }

    @inline(__always)
    func mayContain(_ name: String) -> Bool { bits & NameMask.bit(name) != 0 }
}

struct Parameter {
    enum Kind { case normal, varArgs, keywordOnly, varKeywords }
    let name: String
    let kind: Kind
    let defaultValue: Expr?
}

/// The compiled form of a `def` or `lambda`.
final class FunctionCode: Sendable {
    let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let scope: ScopeInfo
    let line: Int
    let isLambda: Bool
    let filename: String
    /// Whether a parameter name falls outside `scope.localMask` (only a parameter also declared `global`): its
    /// call scope is then marked `hasUndeclaredNames`.
    let hasUndeclaredParameters: Bool
    /// The parameters split by kind once, for argument binding on every call.
    let positionalNames: [String]
    let keywordOnlyNames: [String]
    let varArgsName: String?
    let varKeywordsName: String?
    /// The slot of each of `positionalNames` (-1: one declared `global`, stored by name).
    let positionalSlots: [Int]
    /// Every parameter in binding order (positional, keyword-only, `*args`, `**kwargs`) and its slot (-1: by name).
    let bindingNames: [String]
    let bindingSlots: [Int]
    init(name: String, parameters: [Parameter], body: [Stmt], scope: ScopeInfo, line: Int, isLambda: Bool, filename: String) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.scope = scope
        self.line = line
        self.isLambda = isLambda
        self.filename = filename
        positionalNames = parameters.filter { $0.kind == .normal }.map(\.name)
        keywordOnlyNames = parameters.filter { $0.kind == .keywordOnly }.map(\.name)
        varArgsName = parameters.first { $0.kind == .varArgs }?.name
        varKeywordsName = parameters.first { $0.kind == .varKeywords }?.name
        hasUndeclaredParameters = parameters.contains { !scope.localMask.mayContain($0.name) }
        positionalSlots = positionalNames.map { scope.slots[$0] ?? -1 }
        bindingNames = positionalNames + keywordOnlyNames + [varArgsName, varKeywordsName].compactMap { $0 }
        bindingSlots = bindingNames.map { scope.slots[$0] ?? -1 }
    }
}

struct ExceptHandler {
    let type: Expr?
    let name: String?
    let body: [Stmt]
    let line: Int
}

struct ImportName {
    let name: String
    let alias: String?
}

/// Statement node; immutable like `Expr`.
final class Stmt: Sendable {
    let kind: StmtKind
    let line: Int
    let column: Int
    init(_ kind: StmtKind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

enum StmtKind {
    case expr(Expr)
    case assign([Expr], Expr)
    case augAssign(Expr, BinaryOp, Expr)
    case annAssign(Expr, Expr?)
    case ifStmt(Expr, [Stmt], [Stmt])
    case whileStmt(Expr, [Stmt], [Stmt])
    case forStmt(Expr, Expr, [Stmt], [Stmt])
    case breakStmt, continueStmt, pass
    case returnStmt(Expr?)
    case functionDef(FunctionCode, decorators: [Expr])
    case classDef(name: String, bases: [CallArg], body: [Stmt], decorators: [Expr])
    case with([(Expr, Expr?)], [Stmt])
    case tryStmt(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case raise(Expr?, cause: Expr?)
    case assert(Expr, Expr?)
    case global([String])
    case nonlocal([String])
    case del([Expr])
    case importModule([ImportName])
    case importFrom(String, [ImportName])
}
