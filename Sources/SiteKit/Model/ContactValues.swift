import Foundation
import FrontMatterYAML

/// E-mail addresses and telephone numbers of a profile's contacts. Both
/// become links (`mailto:`, `tel:`), so a value that no mail program or
/// phone could use is an error where it is written, not a dead link.
extension YAMLReader {
    mutating func emailAddress(_ node: YAMLNode?, key: String) -> String? {
        guard let written = text(node, key: key), let node else { return nil }
        if Self.isEmailAddress(written) { return written }
        let hint: Message
        if written.lowercased().hasPrefix("mailto:") {
            hint = Message(.hintLeaveOutMailto, ["address": .value(String(written.dropFirst("mailto:".count)))])
        } else if let at = ["(at)", "[at]", " at "].first(where: { written.lowercased().contains($0) }) {
            hint = Message(.hintWriteAt, ["written": .value(at.trimmingCharacters(in: .whitespaces))])
        } else {
            hint = Message(.hintOneAddress)
        }
        diagnostics.error(location(node), .notAnEmailAddress, ["key": .value(key), "value": .value(written)], hint: hint)
        return nil
    }

    mutating func telephoneNumber(_ node: YAMLNode?, key: String) -> String? {
        guard let written = text(node, key: key), let node else { return nil }
        if Self.isTelephoneNumber(written) { return written }
        diagnostics.error(
            location(node), .notATelephoneNumber, ["key": .value(key), "value": .value(written)], hint: Message(.hintTelephone))
        return nil
    }

    /// One address: a local part of the characters RFC 5322 allows without
    /// quotes, `@`, and a domain of at least two labels. Letters outside
    /// ASCII count in the domain (internationalised domain names).
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        let localExtra = Set("!#$%&'*+-/=?^_`{|}~.")
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            local.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || localExtra.contains($0) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// Digits with the separators people write (space, `/`, `-`), at most
    /// one leading `+`. Parentheses are left out on purpose: "+49 (0) 261"
    /// would dial a wrong number once written as a `tel:` link.
    static func isTelephoneNumber(_ text: String) -> Bool {
        let rest = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard let first = rest.first, first.isASCII, first.isNumber else { return false }
        guard rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == " " || $0 == "/" || $0 == "-" }) else { return false }
        return rest.filter { $0.isNumber }.count >= 3
    }
}
