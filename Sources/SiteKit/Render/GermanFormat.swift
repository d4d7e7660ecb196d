/// German formatting of dates and numbers, done here so that templates
/// only show finished text.
public enum GermanFormat {
    /// `20. Januar 2021`, or `November 2020` for a month.
    public static func date(_ date: CalendarDate) -> String {
        let month = CalendarDate.monthNames[date.month - 1]
        guard let day = date.day else { return "\(month) \(date.year)" }
        return "\(day). \(month) \(date.year)"
    }

    /// `16.900`
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result.append(".") }
            result.append(c)
        }
        return value < 0 ? "-" + result : result
    }

    /// `50,43` (a decimal comma)
    public static func decimal(_ value: Double, digits: Int = 4) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// `4,9 MB` from a million bytes on, else `850 KB` (decimal units, as
    /// browsers and file managers show them).
    static func fileSize(_ bytes: Int) -> String {
        if bytes >= 999_950 {
            let tenths = Int((Double(bytes) / 100_000).rounded())
            return "\(number(tenths / 10)),\(tenths % 10) MB"
        }
        return "\(max(1, Int((Double(bytes) / 1000).rounded()))) KB"
    }
}
