/// Whether to colour terminal output: only on a terminal, never when
/// `NO_COLOR` is set (whatever its value, see no-color.org), never on a
/// `dumb` terminal. Colour in a log file or a CI page is noise.
public enum ColourPolicy {
    public static func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}
