/// An error sitegen reports outside the content (a missing folder, a file
/// `new` cannot write, a value given to `new`): its text comes from the
/// catalogue, so the terminal shows it in the person's language.
public protocol MessageError: Error, CustomStringConvertible {
    var message: Message { get }
}

extension MessageError {
    /// English, as in logs and tests.
    public var description: String { message.english }
}
