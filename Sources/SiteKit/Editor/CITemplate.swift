import Foundation

/// The CI configuration `sitegen init ci` writes into a site's repository:
/// check the content on every push (errors on the merge request or pull
/// request), build, publish `public/` with GitLab or GitHub Pages, and
/// build once a day as well, so that an announced Kaffeerunde whose date
/// has passed becomes a report without anyone pushing.
///
/// sitegen is built in the pipeline from its source (`source`, relative
/// to the repository: a git submodule, or `.` when the site lives in
/// sitegen's own repository) with `make install`, which installs what it
/// needs with apt-get; SwiftPM's build folder is cached between runs,
/// since a first build compiles SwiftNIO and Hummingbird for minutes.
public enum CITemplate: String, CaseIterable, Sendable {
    case gitlab, github

    /// Where the file goes, relative to the repository.
    public var path: String {
        switch self {
        case .gitlab: return ".gitlab-ci.yml"
        case .github: return ".github/workflows/website.yml"
        }
    }

    /// The Docker image with the Swift toolchain sitegen is built with.
    static let image = "swift:6.3-bookworm"

    public func text(source: String) -> String {
        let source = source.hasSuffix("/") && source.count > 1 ? String(source.dropLast()) : source
        switch self {
        case .gitlab: return Self.gitlab(source: source)
        case .github: return Self.github(source: source)
        }
    }

    /// A source folder as a shell word: plain paths stay as they are.
    static func shellWord(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "./_-".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func gitlab(source: String) -> String {
        let dir = shellWord(source)
        return """
            # CI for a sitegen site, written by `sitegen init ci --gitlab`.
            #
            # Every push: `check` reports content errors as a Code Quality report
            # (shown in merge requests) and fails on errors; `build` builds the
            # site. On the default branch, `pages` publishes public/ with GitLab
            # Pages. Add a pipeline schedule (Build > Pipeline schedules, daily):
            # an announced Kaffeerunde becomes a report once its date has passed.
            #
            # sitegen is built from its source in `\(source)` (e.g. a git submodule)
            # with `make install`; its build folder is cached between runs, as the
            # first build compiles for some minutes.

            image: \(image)

            variables:
              GIT_SUBMODULE_STRATEGY: recursive
              # Messages in German; C.UTF-8 for English.
              LANG: de_DE.UTF-8

            stages: [check, build, deploy]

            default:
              cache:
                key: sitegen-build
                paths:
                  - \(source)/.build/
              before_script:
                - make -C \(dir) install PREFIX="$CI_PROJECT_DIR/.sitegen"
                - export PATH="$CI_PROJECT_DIR/.sitegen/bin:$PATH"

            check:
              stage: check
              script:
                - sitegen check --format gitlab > gl-code-quality-report.json || true
                - sitegen check
              artifacts:
                when: always
                reports:
                  codequality: gl-code-quality-report.json

            build:
              stage: build
              script:
                - sitegen build --output public
              artifacts:
                paths: [public]
                expire_in: 1 week
              rules:
                - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH

            # For a site at https://GROUP.gitlab.io/PROJECT/ instead of the
            # base_url of site.yaml, add: --base-url "$CI_PAGES_URL/"
            pages:
              stage: deploy
              script:
                - sitegen build --output public
              artifacts:
                paths: [public]
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

            """
    }

    private static func github(source: String) -> String {
        let dir = shellWord(source)
        return """
            # CI for a sitegen site, written by `sitegen init ci --github`.
            #
            # Every push and pull request: `sitegen check` shows content errors as
            # annotations on the diff and fails on errors, then the site is built.
            # On main (and once a day, so that an announced Kaffeerunde becomes a
            # report once its date has passed) public/ is published with GitHub
            # Pages (Settings > Pages > Source: GitHub Actions).
            #
            # sitegen is built from its source in `\(source)` (e.g. a git submodule)
            # with `make install`; its build folder is cached between runs, as the
            # first build compiles for some minutes.

            name: Website

            on:
              push:
                branches: [main]
              pull_request:
              schedule:
                - cron: "17 4 * * *"
              workflow_dispatch:

            permissions:
              contents: read
              pages: write
              id-token: write

            concurrency:
              group: pages
              cancel-in-progress: false

            jobs:
              build:
                runs-on: ubuntu-latest
                container: \(image)
                env:
                  # Messages in German; C.UTF-8 for English.
                  LANG: de_DE.UTF-8
                steps:
                  - uses: actions/checkout@v4
                    with:
                      submodules: recursive
                  - uses: actions/cache@v4
                    with:
                      path: \(source)/.build
                      key: sitegen-${{ hashFiles('\(source)/Package.swift', '\(source)/Sources/**') }}
                      restore-keys: sitegen-
                  - name: Install sitegen
                    run: |
                      make -C \(dir) install PREFIX="$GITHUB_WORKSPACE/.sitegen"
                      echo "$GITHUB_WORKSPACE/.sitegen/bin" >> "$GITHUB_PATH"
                  - name: Check
                    run: sitegen check --format github
                  # For a site at https://OWNER.github.io/REPOSITORY/ instead of the
                  # base_url of site.yaml, add: --base-url "https://OWNER.github.io/REPOSITORY/"
                  - name: Build
                    run: sitegen build --output public
                  - uses: actions/upload-pages-artifact@v3
                    if: github.event_name != 'pull_request'
                    with:
                      path: public

              deploy:
                if: github.event_name != 'pull_request'
                needs: build
                runs-on: ubuntu-latest
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4

            """
    }

    public enum WriteError: Error, CustomStringConvertible {
        case exists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; sitegen init never replaces a file (remove it first to get a new one)"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Writes the file into `repository` unless it exists (`NewFile`); returns its path.
    @discardableResult
    public func write(into repository: String, source: String) throws(WriteError) -> String {
        let path = (repository == "." ? "" : repository + "/") + self.path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(folder, error.localizedDescription)
            }
        }
        switch NewFile.create(path, text(source: source)) {
        case .written: return path
        case .exists: throw .exists(path)
        case .failed(let reason): throw .cannotWrite(path, reason)
        }
    }

    /// `.` when `repository` is sitegen's own source (its Package.swift
    /// names the product), else `sitegen`, the usual submodule.
    public static func defaultSource(repository: String) -> String {
        let manifest = (try? String(contentsOfFile: repository + "/Package.swift", encoding: .utf8)) ?? ""
        return manifest.contains("name: \"sitegen\"") ? "." : "sitegen"
    }
}
