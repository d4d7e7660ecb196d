/// The language sitegen speaks to the person at the terminal or in the
/// browser: German for the Rathaus staff who write the content, English
/// for everyone else. The site itself is always German; this is only about
/// diagnostics and summaries.
public enum MessageLanguage: String, CaseIterable, Sendable {
    case en, de

    /// The locale's language as POSIX programs read it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides;
    /// `de`, `de_DE.UTF-8`, `de_AT` … mean German, anything else (`C`,
    /// `POSIX`, `en_US.UTF-8`) or nothing at all means English.
    public static func fromLocale(_ environment: [String: String]) -> MessageLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }

    /// `--lang` wins over the locale.
    public static func resolve(option: MessageLanguage?, environment: [String: String]) -> MessageLanguage {
        option ?? fromLocale(environment)
    }
}
