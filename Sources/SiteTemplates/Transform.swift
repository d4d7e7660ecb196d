import Foundation

/// swift-mustache's transforms, `{{#empty(list)}}`. Each applies to some
/// kinds of values; on any other kind the result is `null`, as there.
public enum Transform: String, CaseIterable {
    // lists (and `empty`, `reversed` also on text)
    case empty, count, first, last, reversed, sorted
    // text
    case uppercased, lowercased, capitalized
    // numbers
    case equalzero, plusone, minusone, even, odd
    // the position inside a list section: `{{#first()}}`, `{{index()}}`
    case index

    public func apply(to value: TemplateValue) -> TemplateValue {
        switch value {
        case .listBox(let list): return apply(to: list)
        case .string(let text): return apply(to: text)
        case .int(let number): return apply(to: number)
        case .null, .bool, .objectBox, .element: return .null
        }
    }

    private func apply(to list: any TemplateList) -> TemplateValue {
        switch self {
        case .empty: return .bool(list.count == 0)
        case .count: return .int(list.count)
        case .first: return list.count > 0 ? list.element(0) : .null
        case .last: return list.count > 0 ? list.element(list.count - 1) : .null
        case .reversed: return .list(ReversedTemplateList(base: list))
        case .sorted: return Self.sorted(list)
        default: return .null
        }
    }

    private func apply(to text: String) -> TemplateValue {
        switch self {
        case .empty: return .bool(text.isEmpty)
        case .reversed: return .string(String(text.reversed()))
        case .uppercased: return .string(text.uppercased())
        case .lowercased: return .string(text.lowercased())
        case .capitalized: return .string(text.capitalized)
        default: return .null
        }
    }

    private func apply(to number: Int) -> TemplateValue {
        switch self {
        case .equalzero: return .bool(number == 0)
        case .plusone: return .int(number + 1)
        case .minusone: return .int(number - 1)
        case .even: return .bool(number & 1 == 0)
        case .odd: return .bool(number & 1 == 1)
        default: return .null
        }
    }

    /// Inside a list section, for an empty name: `first()`, `last()`,
    /// `index()`, `even()`, `odd()`.
    public func apply(to position: ListPosition) -> TemplateValue {
        switch self {
        case .first: return .bool(position.index == 0)
        case .last: return .bool(position.isLast)
        case .index: return .int(position.index)
        case .even: return .bool(position.index & 1 == 0)
        case .odd: return .bool(position.index & 1 == 1)
        default: return .null
        }
    }

    /// Only lists of texts or of numbers can be sorted, like Swift arrays
    /// of comparable elements.
    private static func sorted(_ list: any TemplateList) -> TemplateValue {
        let values = (0..<list.count).map { list.element($0) }
        var texts: [String] = [], numbers: [Int] = []
        for value in values {
            switch value {
            case .string(let text): texts.append(text)
            case .int(let number): numbers.append(number)
            default: return .null
            }
        }
        if texts.isEmpty { return .list(ValueList(values: numbers.sorted().map { .int($0) })) }
        if numbers.isEmpty { return .list(ValueList(values: texts.sorted().map { .string($0) })) }
        return .null
    }
}

/// Where a list section is: swift-mustache's sequence context.
public struct ListPosition {
    public var index: Int
    public var isLast: Bool
}
