import Testing
@testable import SiteKit
@testable import SiteTemplates

/// Syntax errors point at `line:column` of the template and say what is wrong.
@Suite struct TemplateSyntaxTests {
    @Test func unclosedSectionIsReportedAtTheEndWithItsOpeningLine() {
        #expect(
            Engine.syntaxError("<h1>{{titel}}</h1>\n{{#toc}}\n<p>\n")
                == "4:1: the template ends inside `{{…toc}}` from line 2")
    }

    @Test func mismatchedClosingTag() {
        #expect(
            Engine.syntaxError("{{#a}}\n  {{#b}}x{{/a}}\n{{/b}}")
                == "2:10: `{{/a}}` does not close `{{…b}}` from line 2")
        #expect(Engine.syntaxError("x\n{{/a}}") == "2:1: `{{/a}}` closes nothing")
        #expect(Engine.syntaxError("{{^empty(x)}}{{/x}}") == "1:14: `{{/x}}` does not close `{{…empty(x)}}` from line 1")
    }

    @Test func unfinishedTag() {
        #expect(Engine.syntaxError("a {{na me}}") == "1:8: unexpected `me}}` where `}}` should end the tag")
        #expect(Engine.syntaxError("a\n{{name") == "2:7: the template ends where `}}` should end the tag")
        #expect(Engine.syntaxError("{{{name}}") == "1:10: the template ends where `}` should end the tag")
    }

    @Test func badTransformCalls() {
        #expect(Engine.syntaxError("{{#empty(x}}{{/empty(x}}") == "1:1: `empty(x` is neither a name nor a transform")
        #expect(Engine.syntaxError("\n  {{^emtpy(list)}}") == "2:3: unknown transform `emtpy`")
    }

    @Test func onlyBlocksInsideAParentCall() {
        #expect(Engine.syntaxError("{{<layout}}\n{{name}}\n{{/layout}}") == "2:1: only block overrides can stand inside `{{<layout}}`")
        #expect(Engine.syntaxError("{{<layout}}{{$main(x)}}{{/main(x)}}{{/layout}}") == "1:12: a block cannot have a transform")
    }

    @Test func commentsDelimitersAndPragmas() {
        #expect(Engine.syntaxError("a\n{{! offen") == "2:1: the comment is never closed")
        #expect(Engine.syntaxError("{{=<%=}}") == "1:1: invalid set-delimiter tag")
        #expect(Engine.syntaxError("{{%CONTENT_TYPE: XML}}") == "1:1: unknown pragma `CONTENT_TYPE: XML`")
    }

    @Test func hintsSayHowToFixIt() throws {
        do {
            _ = try TemplateParser.parse(Array("{{#a}}".utf8))
            Issue.record("no error")
        } catch let error as TemplateSyntaxError {
            #expect(error.hint == "close it with `{{/a}}`")
        }
        do {
            _ = try TemplateParser.parse(Array("{{#emtpy(a)}}{{/emtpy(a)}}".utf8))
            Issue.record("no error")
        } catch let error as TemplateSyntaxError {
            #expect(error.hint == "did you mean `empty`?")
        }
    }
}
