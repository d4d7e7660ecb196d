import Foundation
import Testing
import TestSupport
import Yams
@testable import SiteKit

/// The files `sitegen init ci` writes, read back as YAML as GitLab and
/// GitHub would read them. (`scripts/acceptance.sh` runs the GitLab jobs'
/// commands on the example site.)
@Suite struct CITemplateTests {
    func yaml(_ template: CITemplate, source: String = "sitegen") throws -> [String: Any] {
        try #require(try Yams.load(yaml: template.text(source: source)) as? [String: Any])
    }

    func scripts(_ job: Any?) -> [String] { ((job as? [String: Any])?["script"] as? [String]) ?? [] }

    @Test func gitlabChecksBuildsAndPublishesPages() throws {
        let root = try yaml(.gitlab)
        #expect(root["image"] as? String == "swift:6.3-bookworm")
        let defaults = try #require(root["default"] as? [String: Any])
        let setup = try #require(defaults["before_script"] as? [String])
        #expect(setup.first == "make -C sitegen install PREFIX=\"$CI_PROJECT_DIR/.sitegen\"")
        let cache = try #require(defaults["cache"] as? [String: Any])
        #expect(cache["paths"] as? [String] == ["sitegen/.build/"])

        let check = try #require(root["check"] as? [String: Any])
        #expect(scripts(check) == ["sitegen check --format gitlab > gl-code-quality-report.json || true", "sitegen check"])
        let reports = (check["artifacts"] as? [String: Any])?["reports"] as? [String: Any]
        #expect(reports?["codequality"] as? String == "gl-code-quality-report.json")

        // GitLab Pages publishes the `public` artifact of the job named `pages`, on the default branch only.
        let pages = try #require(root["pages"] as? [String: Any])
        #expect(scripts(pages) == ["sitegen build --output public"])
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public"])
        let rule = ((pages["rules"] as? [[String: Any]])?.first)?["if"] as? String
        #expect(rule == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
        #expect(scripts(root["build"]) == ["sitegen build --output public"])
        #expect(root["stages"] as? [String] == ["check", "build", "deploy"])
    }

    @Test func githubChecksBuildsAndDeploysDaily() throws {
        let root = try yaml(.github, source: ".")
        // Yams reads the key `on` as the boolean true, as YAML 1.1 does; GitHub reads it as text.
        let triggers = try #require((root["on"] ?? root["true"]) as? [String: Any])
        let schedule = try #require(triggers["schedule"] as? [[String: String]])
        #expect(schedule.first?["cron"] == "17 4 * * *")
        #expect(triggers["pull_request"] != nil)
        let jobs = try #require(root["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        #expect(build["container"] as? String == "swift:6.3-bookworm")
        let steps = try #require(build["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses == ["actions/checkout@v4", "actions/cache@v4", "actions/upload-pages-artifact@v3"])
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.first?.hasPrefix("make -C . install PREFIX=\"$GITHUB_WORKSPACE/.sitegen\"\n") == true)
        #expect(runs.dropFirst() == ["sitegen check --format github", "sitegen build --output public"])
        let cache = steps.first { $0["uses"] as? String == "actions/cache@v4" }?["with"] as? [String: Any]
        #expect(cache?["path"] as? String == "./.build")
        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(deploy["needs"] as? String == "build")
        let deploySteps = deploy["steps"] as? [[String: Any]]
        #expect(deploySteps?.first?["uses"] as? String == "actions/deploy-pages@v4")
    }

    @Test func aSourceWithSpacesIsQuotedForTheShell() throws {
        let root = try yaml(.gitlab, source: "tools/site gen/")
        let setup = (root["default"] as? [String: Any])?["before_script"] as? [String]
        #expect(setup?.first == "make -C 'tools/site gen' install PREFIX=\"$CI_PROJECT_DIR/.sitegen\"")
    }

    @Test func anExistingFileIsNeverReplaced() throws {
        let folder = TemporaryFolder("ci")
        let written = try CITemplate.github.write(into: folder.path, source: "sitegen")
        #expect(written == folder.path + "/.github/workflows/website.yml")
        let gitlab = folder.path + "/.gitlab-ci.yml"
        try "mine\n".write(toFile: gitlab, atomically: false, encoding: .utf8)
        #expect(throws: CITemplate.WriteError.self) { try CITemplate.gitlab.write(into: folder.path, source: "sitegen") }
        #expect(try String(contentsOfFile: gitlab, encoding: .utf8) == "mine\n")
        #expect(throws: CITemplate.WriteError.self) { try CITemplate.github.write(into: folder.path, source: "x") }
    }

    @Test func theSourceIsTheRepositoryItselfOnlyInSitegensOwn() throws {
        let folder = TemporaryFolder("ci")
        #expect(CITemplate.defaultSource(repository: folder.path) == "sitegen")
        try "let package = Package(\n    name: \"sitegen\",\n".write(toFile: folder.path + "/Package.swift", atomically: false, encoding: .utf8)
        #expect(CITemplate.defaultSource(repository: folder.path) == ".")
    }
}
