/// A catalogue message in the decode cache: its code and its arguments,
/// so that a cached diagnostic is shown in whichever language the next
/// run speaks.
extension BinaryWriter {
    mutating func message(_ m: Message) {
        string(m.code.rawValue)
        array(m.arguments.sorted { $0.key < $1.key }) { w, argument in
            w.string(argument.key)
            switch argument.value {
            case .value(let text):
                w.int(0)
                w.string(text)
            case .number(let n):
                w.int(1)
                w.int(n)
            case .grouped(let n):
                w.int(2)
                w.int(n)
            case .decimal(let s):
                w.int(3)
                w.word(s.bitPattern)
            case .count(let n, let word):
                w.int(4)
                w.int(n)
                w.string(word.rawValue)
            case .phrase(let inner):
                w.int(5)
                w.message(inner)
            case .within(let inner):
                w.int(6)
                w.message(inner)
            case .yamlProblem(let english):
                w.int(7)
                w.string(english)
            }
        }
    }
}

extension BinaryReader {
    mutating func message() throws -> Message {
        let code = try messageCode()
        var arguments: [String: Message.Argument] = [:]
        for (name, value) in try array({ r in (try r.string(), try r.messageArgument()) }) { arguments[name] = value }
        return Message(code, arguments)
    }

    private mutating func messageCode() throws -> MessageCode {
        guard let code = MessageCode(rawValue: try string()) else { throw Malformed() }
        return code
    }

    private mutating func messageArgument() throws -> Message.Argument {
        switch try int() {
        case 0: return .value(try string())
        case 1: return .number(try int())
        case 2: return .grouped(try int())
        case 3: return .decimal(Double(bitPattern: try word()))
        case 4: return .count(try int(), try messageCode())
        case 5: return .phrase(try message())
        case 6: return .within(try message())
        case 7: return .yamlProblem(try string())
        default: throw Malformed()
        }
    }
}
