// The catalogue of everything sitegen says to the person at the terminal
// or in the browser: every diagnostic and its hints, the summary lines of
// build, check and serve, and the error page of serve, each in English
// and German.
//
// Adding a message:
//  1. Add a case below with its code, in kebab-case, in the group it
//     belongs to. The code is what tools see (GitLab's `check_name`,
//     SARIF's `ruleId`); it never changes once released, so name the
//     problem, not the wording.
//  2. Add its texts to `texts` at the end of the file: English first, then
//     German. `{name}` stands for an argument (`Message.Argument`); both
//     texts take the same names. Values written in the content (keys,
//     slugs, paths) go in backticks and stay as written in both languages.
//     The German is for Rathaus staff: plain, polite ("Sie"), complete
//     sentences beginning with a capital letter; hints start in lower
//     case and say what to do ("ergänzen Sie `titel: …`").
//  3. Report it with `diagnostics.error(location, .yourCase, ["name": .value(x)],
//     hint: Message(.yourHint))`.
//  The switch in `texts` makes the compiler ask for both texts; the tests
//  of MessageCatalogueTests check that no German text is missing, that no
//  code is used twice and that both texts take the same arguments. A
//  message that editors meet often belongs in the table of
//  docs/content-format.md ("Fehlermeldungen"), which a test holds to the
//  German texts here.

/// A text of the catalogue. The raw value is the stable code.
public enum MessageCode: String, CaseIterable, Sendable {
    // MARK: Front matter and YAML
    case yamlSyntax = "yaml-syntax"
    case yamlUnreadable = "yaml-unreadable"
    case duplicateKey = "duplicate-key"
    case requiredKeyMissing = "required-key-missing"
    case requiredKeyMissingIn = "required-key-missing-in"
    case notAMapping = "not-a-mapping"
    case keyNotAWord = "key-not-a-word"
    case unknownKey = "unknown-key"
    case keyWithoutValue = "key-without-value"
    case mustBeText = "must-be-text"
    case mustNotBeEmpty = "must-not-be-empty"
    case controlCharacter = "control-character"
    case notAWholeNumber = "not-a-whole-number"
    case outOfRange = "out-of-range"
    case notDegrees = "not-degrees"
    case notAFlag = "not-a-flag"
    case notADate = "not-a-date"
    case notADateOrMonth = "not-a-date-or-month"
    case noSuchMonth = "no-such-month"
    case noSuchDay = "no-such-day"
    case notAllowedValue = "not-allowed-value"
    case notASlug = "not-a-slug"
    case notAWebAddress = "not-a-web-address"
    case mustBeAList = "must-be-a-list"
    case listedTwice = "listed-twice"
    case notATime = "not-a-time"
    case notATimeOfDay = "not-a-time-of-day"
    case endWithoutStart = "end-without-start"
    case endNotAfterStart = "end-not-after-start"
    // MARK: Hints on front matter
    case didYouMean = "hint-did-you-mean"
    case hintTimeExample = "hint-time-example"
    case hintTimeRange = "hint-time-range"
    case hintAddStart = "hint-add-start"
    case hintEndAfterStart = "hint-end-after-start"
    case hintContributorIRI = "hint-contributor-iri"
    case hintContributorID = "hint-contributor-id"
    case hintSourceDateEpoch = "hint-source-date-epoch"
    case hintYAMLSyntax = "hint-yaml-syntax"
    case hintKeepOne = "hint-keep-one"
    case hintRemoveInvisible = "hint-remove-invisible"
    case hintAddKey = "hint-add-key"
    case hintAllowedKeys = "hint-allowed-keys"
    case hintGiveValue = "hint-give-value"
    case hintLineBreak = "hint-line-break"
    case hintRemoveControl = "hint-remove-control"
    case hintNoSeparators = "hint-no-separators"
    case hintDigitsOnly = "hint-digits-only"
    case hintDecimalPoint = "hint-decimal-point"
    case hintTrueOrFalse = "hint-true-or-false"
    case hintMonths = "hint-months"
    case hintDaysInMonth = "hint-days-in-month"
    case hintAllowedValues = "hint-allowed-values"
    case hintHTTPS = "hint-https"
    case hintWriteList = "hint-write-list"
    case hintWriteListEntries = "hint-write-list-entries"
    case hintRemoveOne = "hint-remove-one"
    case hintWrittenAsMapping = "hint-written-as-mapping"
    case hintWrittenAsList = "hint-written-as-list"
    case hintDateExample = "hint-date-example"
    case hintDateOrMonthExample = "hint-date-or-month-example"
    // MARK: Files and front matter
    case notUTF8 = "not-utf8"
    case noFrontMatter = "no-front-matter"
    case frontMatterNotClosed = "front-matter-not-closed"
    case agsDigits = "ags-digits"
    case agsDigitsLandkreis = "ags-digits-landkreis"
    case agsNotQuoted = "ags-not-quoted"
    case koordinatenNotTwo = "koordinaten-not-two"
    case koordinatenOutside = "koordinaten-outside"
    case bildWithoutAlt = "bild-without-alt"
    // MARK: Places, in two forms: the thing itself and "in" it
    case placeFrontMatterKommune = "place-front-matter-kommune"
    case placeFrontMatterKaffeerunde = "place-front-matter-kaffeerunde"
    case placeFrontMatterMeldung = "place-front-matter-meldung"
    case placeFrontMatterSeite = "place-front-matter-seite"
    case placeSiteYAML = "place-site-yaml"
    case placeHerausgeber = "place-herausgeber"
    case placeMarkdown = "place-markdown"
    case placeDaten = "place-daten"
    case placeHandlungsfeld = "place-handlungsfeld"
    case placeLeitung = "place-leitung"
    case placeKontakt = "place-kontakt"
    case placeProjekt = "place-projekt"
    case placeImpuls = "place-impuls"
    case placeQuelle = "place-quelle"
    case placeBild = "place-bild"
    // MARK: Hints on files and values
    case hintSaveAsUTF8 = "hint-save-as-utf8"
    case hintAddFrontMatter = "hint-add-front-matter"
    case hintCloseFrontMatter = "hint-close-front-matter"
    case hintAGSQuotesExample = "hint-ags-quotes-example"
    case hintAGSQuotes = "hint-ags-quotes"
    case hintKoordinatenExample = "hint-koordinaten-example"
    case hintBreiteFirst = "hint-breite-first"
    case hintKoordinatenDegrees = "hint-koordinaten-degrees"
    case hintAddAlt = "hint-add-alt"
    // MARK: Settings
    case notAContributorID = "not-a-contributor-id"
    case sourceDateEpochInvalid = "source-date-epoch-invalid"
    case notALanguageTag = "not-a-language-tag"
    case handlungsfeldTwice = "handlungsfeld-twice"
    case notAnEmailAddress = "not-an-email-address"
    case notATelephoneNumber = "not-a-telephone-number"
    case hintLanguageTag = "hint-language-tag"
    case hintOwnSlug = "hint-own-slug"
    case hintLeaveOutMailto = "hint-leave-out-mailto"
    case hintWriteAt = "hint-write-at"
    case hintOneAddress = "hint-one-address"
    case hintTelephone = "hint-telephone"
    // MARK: Theme (for the people who make templates)
    case templateNotUTF8 = "template-not-utf8"
    case templateSyntax = "template-syntax"
    case templateUnreadable = "template-unreadable"
    case templateMissing = "template-missing"
    case partialMissing = "partial-missing"
    case hintTemplateSyntax = "hint-template-syntax"
    case hintCopyTemplate = "hint-copy-template"
    case hintAddTemplate = "hint-add-template"
    case templateKeyRenamed = "template-key-renamed"
    case hintUseNewKey = "hint-use-new-key"
    // MARK: The site as a whole
    case mustEndInYAML = "must-end-in-yaml"
    case siteYAMLMissing = "site-yaml-missing"
    case cannotRead = "cannot-read"
    case activeMedia = "active-media"
    case reservedPageName = "reserved-page-name"
    case requiredPageMissing = "required-page-missing"
    case requiredPageDraft = "required-page-draft"
    case subFolder = "sub-folder"
    case notContent = "not-content"
    case onlyMarkdown = "only-markdown"
    case fileNameNotASlug = "file-name-not-a-slug"
    case namesDraftProfile = "names-draft-profile"
    case noSuchProfile = "no-such-profile"
    case kreisNotALandkreis = "kreis-not-a-landkreis"
    case kreisItself = "kreis-itself"
    case kreisOtherLand = "kreis-other-land"
    case noSuchHandlungsfeld = "no-such-handlungsfeld"
    case yearName = "year-name"
    case dateiOutsideMedien = "datei-outside-medien"
    case noSuchImage = "no-such-image"
    case noSuchHeadingHere = "no-such-heading-here"
    case noSuchMedia = "no-such-media"
    case noSuchPage = "no-such-page"
    case linkToDraft = "link-to-draft"
    case noSuchHeading = "no-such-heading"
    case hintRenameTo = "hint-rename-to"
    case hintCreateSiteYAML = "hint-create-site-yaml"
    case hintRemoveActiveMedia = "hint-remove-active-media"
    case hintRenameReserved = "hint-rename-reserved"
    case hintRemoveEntwurf = "hint-remove-entwurf"
    case hintCreateWithTitel = "hint-create-with-titel"
    case hintMoveFile = "hint-move-file"
    case hintPageFolders = "hint-page-folders"
    case hintMediaFolder = "hint-media-folder"
    case hintPublishProfile = "hint-publish-profile"
    case hintCreateFile = "hint-create-file"
    case hintKreis = "hint-kreis"
    case hintCheckKreisLand = "hint-check-kreis-land"
    case hintAddHandlungsfeld = "hint-add-handlungsfeld"
    case hintDateInName = "hint-date-in-name"
    case hintRemoveDotDot = "hint-remove-dot-dot"
    case hintPutImage = "hint-put-image"
    case hintPublishPage = "hint-publish-page"
    case hintPagesLive = "hint-pages-live"
    case hintDidYouMeanPath = "hint-did-you-mean-path"
    // MARK: SVG images in medien/
    case svgCompressed = "svg-compressed"
    case svgNotUTF8 = "svg-not-utf8"
    case svgEntity = "svg-entity"
    case svgTooDeep = "svg-too-deep"
    case svgStyleReference = "svg-style-reference"
    case svgStylesheet = "svg-stylesheet"
    case svgScript = "svg-script"
    case svgForeignObject = "svg-foreign-object"
    case svgHTMLElement = "svg-html-element"
    case svgEventHandler = "svg-event-handler"
    case svgReference = "svg-reference"
    case svgHTMLNamespace = "svg-html-namespace"
    case svgAnimation = "svg-animation"
    case svgScriptAddress = "svg-script-address"
    case hintSaveSVGPlain = "hint-save-svg-plain"
    case hintSaveUncompressed = "hint-save-uncompressed"
    // MARK: Limits of a text's shape
    case limitHeaderReread = "limit-header-reread"
    case limitAtSigns = "limit-at-signs"
    case limitTableLine = "limit-table-line"
    case limitFilledCells = "limit-filled-cells"
    case limitUnclosedHTML = "limit-unclosed-html"
    case hintBlankLineBeforeTable = "hint-blank-line-before-table"
    case hintSpacesBetweenAddresses = "hint-spaces-between-addresses"
    case hintSplitTable = "hint-split-table"
    case hintEqualRows = "hint-equal-rows"
    case hintEscapeAngle = "hint-escape-angle"
    // MARK: The text of a page
    case headingLevelOne = "heading-level-one"
    case imageWithoutAlt = "image-without-alt"
    case imageNotMedia = "image-not-media"
    case controlReference = "control-reference"
    case linkWithoutTarget = "link-without-target"
    case linkScheme = "link-scheme"
    case linkFromRoot = "link-from-root"
    case linkOutside = "link-outside"
    case linkNotContent = "link-not-content"
    case hintStartWithH2 = "hint-start-with-h2"
    case hintDescribeImage = "hint-describe-image"
    case hintImageInMedien = "hint-image-in-medien"
    case hintControlReference = "hint-control-reference"
    case hintLinkSchemes = "hint-link-schemes"
    case hintRelativeLink = "hint-relative-link"
    case hintCountDotDot = "hint-count-dot-dot"
    case hintLinkMarkdownFile = "hint-link-markdown-file"
    // MARK: Raw HTML in a text
    case htmlTooDeep = "html-too-deep"
    case htmlTooDeepPart = "html-too-deep-part"
    case htmlElementRemovedWithContent = "html-element-removed-with-content"
    case htmlElementRemoved = "html-element-removed"
    case htmlElementRemovedTextKept = "html-element-removed-text-kept"
    case htmlInputRemoved = "html-input-removed"
    case htmlAttributeRemoved = "html-attribute-removed"
    case htmlAddressRemoved = "html-address-removed"
    case htmlStyleRemoved = "html-style-removed"
    case hintUseMarkdown = "hint-use-markdown"
    // MARK: Reading the folders
    case cannotReadBecause = "cannot-read-because"
    case cannotReadFolder = "cannot-read-folder"
    case symbolicLink = "symbolic-link"
    case reasonChangedWhileRead = "reason-changed-while-read"
    case hintFilePermissions = "hint-file-permissions"
    case hintFolderPermissions = "hint-folder-permissions"
    case hintCopyInsteadOfLink = "hint-copy-instead-of-link"
    case hintMediaBelongs = "hint-media-belongs"
    // MARK: Summary lines of build, check and serve
    case summaryBuilt = "summary-built"
    case summaryCounts = "summary-counts"
    case summaryWarningsSuffix = "summary-warnings-suffix"
    case summaryBuildFailed = "summary-build-failed"
    case moreLikeThis = "more-like-this"
    case summaryUpToDate = "summary-up-to-date"
    case summaryWritten = "summary-written"
    case summaryChecked = "summary-checked"
    case summaryErrorCounts = "summary-error-counts"
    case summaryErrorAndWarningCounts = "summary-error-and-warning-counts"
    case summaryServing = "summary-serving"
    case summaryServeBuilt = "summary-serve-built"
    case summaryAfterChange = "summary-after-change"
    case summaryServeFailed = "summary-serve-failed"
    case summaryMoreFiles = "summary-more-files"
    case noteFinishedUpdate = "note-finished-update"
    case noteListening = "note-listening"
    case loadFailed = "load-failed"
    // MARK: Problems outside the content (`sitegen: error: …`) and `sitegen new`
    case noSuchFolder = "no-such-folder"
    case cannotServe = "cannot-serve"
    case schemasNotWritten = "schemas-not-written"
    case schemasWritten = "schemas-written"
    case fileWritten = "file-written"
    case newMustNotBeEmpty = "new-must-not-be-empty"
    case newNothingToNameFrom = "new-nothing-to-name-from"
    case newOptionNotASlug = "new-option-not-a-slug"
    case newOptionNotADate = "new-option-not-a-date"
    case newOptionNotAllowed = "new-option-not-allowed"
    case newFileExists = "new-file-exists"
    case newNoContentFolder = "new-no-content-folder"
    case newCannotWrite = "new-cannot-write"
    case newFillIn = "new-fill-in"
    case newNoKreisYet = "new-no-kreis-yet"
    case newTheName = "new-the-name"
    case newTheTitle = "new-the-title"
    case wordAnd = "word-and"
    case suffixHint = "suffix-hint"
    // MARK: The error page of serve
    case servePageTitle = "serve-page-title"
    case servePageHeading = "serve-page-heading"
    case servePageExplanation = "serve-page-explanation"
    // MARK: Words with a number: singular¦plural
    case wordError = "word-error"
    case wordWarning = "word-warning"
    case wordFile = "word-file"
    case wordPage = "word-page"
    case wordKommune = "word-kommune"
    case wordKaffeerunde = "word-kaffeerunde"
    case wordMeldung = "word-meldung"
    case wordSeite = "word-seite"
    case wordHandlungsfeld = "word-handlungsfeld"
    case wordOverview = "word-overview"

    // MARK: Warnings: mistakes that would pass in silence
    // MARK: Photos a page shows
    case imageUnreadable = "image-unreadable"
    case imageTooLarge = "image-too-large"
    case imageTooManyPixels = "image-too-many-pixels"
    case imageUndecodable = "image-undecodable"
    case imageTooWide = "image-too-wide"
    case hintSaveSmallerJPEG = "hint-save-smaller-jpeg"
    case hintSaveSmaller = "hint-save-smaller"
    case hintSaveAgain = "hint-save-again"
    case hintSaveNarrower = "hint-save-narrower"
    case meldungInFuture = "meldung-in-future"
    case placeholderText = "placeholder-text"
    case duplicateAGS = "duplicate-ags"
    case sameNameInKreis = "same-name-in-kreis"
    case titleTooLong = "title-too-long"
    case typographicQuotes = "typographic-quotes"
    case altIsFileName = "alt-is-file-name"
    case mediaTooLarge = "media-too-large"
    case photoUnused = "photo-unused"
    case hintUsePhotoOrRemove = "hint-use-photo-or-remove"
    case hintCheckDate = "hint-check-date"
    case hintReplacePlaceholder = "hint-replace-placeholder"
    case hintCheckAGS = "hint-check-ags"
    case hintSameName = "hint-same-name"
    case hintShortenTitle = "hint-shorten-title"
    case hintWithoutQuotes = "hint-without-quotes"
    case hintDescribeInWords = "hint-describe-in-words"
    case hintShrinkMedia = "hint-shrink-media"
    /// The text in `language`, with its `{name}` placeholders.
    public func template(in language: MessageLanguage) -> String {
        let (english, german) = texts
        return language == .de ? german : english
    }

    /// English and German.
    var texts: (String, String) {
        switch self {
        // MARK: Front matter and YAML
        case .yamlSyntax: return ("YAML syntax: {problem}", "YAML-Syntaxfehler: {problem}")
        case .yamlUnreadable: return ("YAML could not be read: {problem}", "Das YAML konnte nicht gelesen werden: {problem}")
        case .duplicateKey: return ("key {keys} appears more than once", "Der Schlüssel {keys} kommt mehr als einmal vor")
        case .requiredKeyMissing: return ("required key `{key}` is missing", "Der Pflichtschlüssel `{key}` fehlt")
        case .requiredKeyMissingIn: return ("required key `{key}` is missing {where}", "Der Pflichtschlüssel `{key}` fehlt {where}")
        case .notAMapping: return ("{what} must be a set of `key: value` lines", "{what}: erwartet werden Zeilen der Form `schlüssel: wert`")
        case .keyNotAWord: return ("a key must be a plain word", "Ein Schlüssel muss ein einfaches Wort sein")
        case .unknownKey: return ("unknown key `{key}` {where}", "Unbekannter Schlüssel `{key}` {where}")
        case .keyWithoutValue: return ("`{key}` has no value", "`{key}` hat keinen Wert")
        case .mustBeText: return ("`{key}` must be text", "`{key}` muss ein Text sein")
        case .mustNotBeEmpty: return ("`{key}` must not be empty", "`{key}` darf nicht leer sein")
        case .controlCharacter:
            return (
                "`{key}` contains the control character {codePoint}, which no page or feed can show",
                "`{key}` enthält das Steuerzeichen {codePoint}, das keine Seite und kein Feed anzeigen kann"
            )
        case .notAWholeNumber: return ("`{key}: {value}` is not a whole number", "`{key}: {value}` ist keine ganze Zahl")
        case .outOfRange:
            return (
                "`{key}: {value}` is out of range ({lower}…{upper})",
                "`{key}: {value}` liegt außerhalb des erlaubten Bereichs ({lower}…{upper})"
            )
        case .notDegrees: return ("`{key}` must be a number in degrees, e.g. 50.43", "`{key}` muss eine Zahl in Grad sein, z. B. 50.43")
        case .notAFlag: return ("`{key}` must be `true` or `false`", "`{key}` muss `true` oder `false` sein")
        case .notADate: return ("`{key}: {value}` is not a date in the form YYYY-MM-DD", "`{key}: {value}` ist kein Datum der Form JJJJ-MM-TT")
        case .notADateOrMonth:
            return (
                "`{key}: {value}` is not a date in the form YYYY-MM-DD or YYYY-MM",
                "`{key}: {value}` ist kein Datum der Form JJJJ-MM-TT oder JJJJ-MM"
            )
        case .noSuchMonth: return ("`{key}: {value}`: there is no month {month}", "`{key}: {value}`: Einen Monat {month} gibt es nicht")
        case .noSuchDay: return ("`{key}: {value}`: there is no {day} {month}", "`{key}: {value}`: Den {day}. {month} gibt es nicht")
        case .notAllowedValue: return ("`{key}: {value}` is not one of the allowed values", "`{key}: {value}` ist kein erlaubter Wert")
        case .notASlug: return ("`{key}: {value}` is not a slug", "`{key}: {value}` ist kein Slug")
        case .notAWebAddress: return ("`{key}: {value}` is not a web address", "`{key}: {value}` ist keine Webadresse")
        case .mustBeAList: return ("`{key}` must be a list", "`{key}` muss eine Liste sein")
        case .listedTwice: return ("`{slug}` is listed twice in `{key}`", "`{slug}` steht zweimal in `{key}`")
        // MARK: Hints on front matter
        case .didYouMean: return ("did you mean `{candidate}`?", "meinten Sie `{candidate}`?")
        case .hintTimeExample: return ("e.g. 10:00 or 14:30", "z. B. 10:00 oder 14:30")
        case .hintTimeRange: return ("hours run from 00 to 23, minutes from 00 to 59", "Stunden gehen von 00 bis 23, Minuten von 00 bis 59")
        case .hintAddStart: return ("add the start time, e.g. beginn: 10:00", "ergänzen Sie die Anfangszeit, z. B. beginn: 10:00")
        case .hintEndAfterStart:
            return (
                "a session ends on the day it begins; write the end time after the start time",
                "eine Sitzung endet am Tag ihres Beginns; schreiben Sie eine Endzeit nach der Anfangszeit"
            )
        case .hintContributorIRI: return ("the IRI must start with {prefix}", "die IRI muss mit {prefix} beginnen")
        case .hintContributorID:
            return (
                "GovData assigns the ID; write its last part, e.g. contributor_id: bundesamtFuerStatistik",
                "GovData vergibt die Kennung; schreiben Sie ihren letzten Teil, z. B. contributor_id: bundesamtFuerStatistik"
            )
        case .hintSourceDateEpoch:
            return (
                "set it to whole seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it to use the clock",
                "setzen Sie ganze Sekunden, z. B. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), oder entfernen Sie die Variable, dann gilt die Uhr"
            )
        case .notATime: return ("`{key}: {value}` is not a time in the form HH:MM", "`{key}: {value}` ist keine Uhrzeit der Form HH:MM")
        case .notATimeOfDay: return ("`{key}: {value}` is not a time of day", "`{key}: {value}` ist keine Uhrzeit")
        case .endWithoutStart: return ("`ende: {end}` needs a `beginn`", "`ende: {end}` braucht einen `beginn`")
        case .endNotAfterStart: return ("`ende: {end}` is not after `beginn: {start}`", "`ende: {end}` liegt nicht nach `beginn: {start}`")
        case .notAContributorID:
            return (
                "`contributor_id: {value}` is not a contributor ID of GovData ({prefix}…)",
                "`contributor_id: {value}` ist keine Kennung von GovData ({prefix}…)"
            )
        case .sourceDateEpochInvalid:
            return (
                "`SOURCE_DATE_EPOCH={value}` is not a number of seconds since 1970-01-01 UTC",
                "`SOURCE_DATE_EPOCH={value}` ist keine Zahl von Sekunden seit 1970-01-01 UTC"
            )
        case .hintYAMLSyntax:
            return (
                "check indentation, and quote values that contain `: ` or start with a quote",
                "prüfen Sie die Einrückung und setzen Sie Werte in Anführungszeichen, die `: ` enthalten oder mit einem Anführungszeichen beginnen"
            )
        case .hintKeepOne: return ("keep one of them", "behalten Sie nur einen davon")
        case .hintRemoveInvisible:
            return (
                "remove the invisible character here; it often comes with text copied from another program",
                "entfernen Sie das unsichtbare Zeichen an dieser Stelle; es kommt oft mit Text, der aus einem anderen Programm kopiert wurde"
            )
        case .hintAddKey: return ("add `{key}: …`", "ergänzen Sie `{key}: …`")
        case .hintAllowedKeys: return ("allowed keys: {keys}", "erlaubte Schlüssel: {keys}")
        case .hintGiveValue: return ("give a value or remove the line", "geben Sie einen Wert an oder entfernen Sie die Zeile")
        case .hintLineBreak: return ("use \\n for a line break, not \\r", "schreiben Sie \\n für einen Zeilenumbruch, nicht \\r")
        case .hintRemoveControl:
            return (
                "remove it; in double quotes, escapes such as \\e, \\x01 or \\u0007 write such characters",
                "entfernen Sie es; in doppelten Anführungszeichen erzeugen Escapes wie \\e, \\x01 oder \\u0007 solche Zeichen"
            )
        case .hintNoSeparators:
            return (
                "write the number without separators, e.g. {digits}",
                "schreiben Sie die Zahl ohne Trennzeichen, z. B. {digits}"
            )
        case .hintDigitsOnly: return ("write digits only, without quotes", "schreiben Sie nur Ziffern, ohne Anführungszeichen")
        case .hintDecimalPoint: return ("use a point as decimal separator", "verwenden Sie einen Punkt als Dezimaltrennzeichen")
        case .hintTrueOrFalse: return ("write true or false, without quotes", "schreiben Sie true oder false, ohne Anführungszeichen")
        case .hintMonths: return ("months run from 01 to 12", "Monate gehen von 01 bis 12")
        case .hintDaysInMonth: return ("{month} {year} has {days} days", "der {month} {year} hat {days} Tage")
        case .hintAllowedValues: return ("allowed: {values}", "erlaubt: {values}")
        case .hintHTTPS:
            return (
                "write it with https://, e.g. https://www.example.de",
                "schreiben Sie die Adresse mit https://, z. B. https://www.example.de"
            )
        case .hintWriteList: return ("write {example}", "schreiben Sie {example}")
        case .hintWriteListEntries:
            return (
                "write a list of entries starting with `- `",
                "schreiben Sie eine Liste von Einträgen, die mit `- ` beginnen"
            )
        case .hintRemoveOne: return ("remove one", "entfernen Sie einen davon")
        case .hintWrittenAsMapping:
            return (
                "it is written as `key: value` lines; expected a single value",
                "hier stehen Zeilen der Form `schlüssel: wert`; erwartet wird ein einzelner Wert"
            )
        case .hintWrittenAsList:
            return (
                "it is written as a list; expected a single value",
                "hier steht eine Liste; erwartet wird ein einzelner Wert"
            )
        case .hintDateExample: return ("e.g. 2021-01-20", "z. B. 2021-01-20")
        case .hintDateOrMonthExample: return ("e.g. 2021-01-20 or 2020-11", "z. B. 2021-01-20 oder 2020-11")
        // MARK: Files and front matter
        case .notUTF8:
            return (
                "file is not valid UTF-8 (first bad byte at line {line}, column {column})",
                "Die Datei ist nicht in UTF-8 gespeichert (erstes ungültiges Byte in Zeile {line}, Spalte {column})"
            )
        case .noFrontMatter:
            return (
                "expected front matter: the file must start with a line `---`",
                "Kopf erwartet: Die Datei muss mit einer Zeile `---` beginnen"
            )
        case .frontMatterNotClosed: return ("the front matter opened on line 1 is never closed", "Der in Zeile 1 geöffnete Kopf wird nie geschlossen")
        case .agsDigits: return ("`ags: {value}` must be {digits} digits", "`ags: {value}` muss aus {digits} Ziffern bestehen")
        case .agsDigitsLandkreis:
            return (
                "`ags: {value}` must be {digits} digits for a Landkreis",
                "`ags: {value}` muss bei einem Landkreis aus {digits} Ziffern bestehen"
            )
        case .agsNotQuoted: return ("`ags` must be written in quotes", "`ags` muss in Anführungszeichen stehen")
        case .koordinatenNotTwo:
            return (
                "`koordinaten` must be two numbers: [breite, länge]",
                "`koordinaten` müssen zwei Zahlen sein: [breite, länge]"
            )
        case .koordinatenOutside: return ("`koordinaten: {value}` lie outside Germany", "`koordinaten: {value}` liegen außerhalb Deutschlands")
        case .bildWithoutAlt:
            return (
                "`bild` needs `alt`, a short text that says what the image shows",
                "`bild` braucht `alt`, einen kurzen Text, der sagt, was das Bild zeigt"
            )
        // MARK: Places, in two forms: the thing itself and "in" it
        case .placeFrontMatterKommune:
            return (
                "the front matter of a Kommune¦in the front matter of a Kommune",
                "Kopf eines Profils¦im Kopf eines Profils"
            )
        case .placeFrontMatterKaffeerunde:
            return (
                "the front matter of a Kaffeerunde¦in the front matter of a Kaffeerunde",
                "Kopf eines Kaffeerunden-Berichts¦im Kopf eines Kaffeerunden-Berichts"
            )
        case .placeFrontMatterMeldung:
            return (
                "the front matter of a Meldung¦in the front matter of a Meldung",
                "Kopf einer Meldung¦im Kopf einer Meldung"
            )
        case .placeFrontMatterSeite: return ("the front matter of a Seite¦in the front matter of a Seite", "Kopf einer Seite¦im Kopf einer Seite")
        case .placeSiteYAML: return ("site.yaml¦in site.yaml", "site.yaml¦in site.yaml")
        case .placeHerausgeber: return ("`herausgeber`¦in `herausgeber`", "`herausgeber`¦in `herausgeber`")
        case .placeMarkdown: return ("`markdown`¦in `markdown`", "`markdown`¦in `markdown`")
        case .placeDaten: return ("`daten`¦in `daten`", "`daten`¦in `daten`")
        case .placeHandlungsfeld: return ("a Handlungsfeld¦in a Handlungsfeld", "Eintrag eines Handlungsfelds¦im Eintrag eines Handlungsfelds")
        case .placeLeitung: return ("`leitung`¦in `leitung`", "`leitung`¦in `leitung`")
        case .placeKontakt: return ("a `kontakt` entry¦in a `kontakt` entry", "Eintrag in `kontakt`¦in einem Eintrag von `kontakt`")
        case .placeProjekt: return ("a `projekte` entry¦in a `projekte` entry", "Eintrag in `projekte`¦in einem Eintrag von `projekte`")
        case .placeImpuls: return ("an `impulse` entry¦in an `impulse` entry", "Eintrag in `impulse`¦in einem Eintrag von `impulse`")
        case .placeQuelle: return ("a `quellen` entry¦in a `quellen` entry", "Eintrag in `quellen`¦in einem Eintrag von `quellen`")
        case .placeBild: return ("`bild`¦in `bild`", "`bild`¦in `bild`")
        // MARK: Hints on files and values
        case .hintSaveAsUTF8: return ("save the file as UTF-8 in your editor", "speichern Sie die Datei in Ihrem Editor als UTF-8")
        case .hintAddFrontMatter:
            return (
                "add `---`, the keys, and a closing `---` at the top",
                "schreiben Sie oben `---`, die Schlüssel und ein schließendes `---`"
            )
        case .hintCloseFrontMatter: return ("add a line `---` after the last key", "ergänzen Sie nach dem letzten Schlüssel eine Zeile `---`")
        case .hintAGSQuotesExample:
            return (
                "write it in quotes so leading zeros survive, e.g. ags: \"07137003\"",
                "schreiben Sie ihn in Anführungszeichen, damit führende Nullen erhalten bleiben, z. B. ags: \"07137003\""
            )
        case .hintAGSQuotes:
            return (
                "write ags: \"{value}\" so leading zeros survive",
                "schreiben Sie ags: \"{value}\", damit führende Nullen erhalten bleiben"
            )
        case .hintKoordinatenExample: return ("e.g. [50.43, 7.57]", "z. B. [50.43, 7.57]")
        case .hintBreiteFirst: return ("breite comes first: {value}", "die Breite steht zuerst: {value}")
        case .hintKoordinatenDegrees: return ("write [breite, länge] in degrees (WGS 84)", "schreiben Sie [breite, länge] in Grad (WGS 84)")
        case .hintAddAlt:
            return (
                "add `alt: …`, or `dekorativ: true` if the image is decoration only",
                "ergänzen Sie `alt: …` oder `dekorativ: true`, wenn das Bild nur schmückt"
            )
        // MARK: Settings
        case .notALanguageTag: return ("`sprache: {value}` is not a BCP 47 language tag", "`sprache: {value}` ist kein Sprach-Tag nach BCP 47")
        case .handlungsfeldTwice:
            return (
                "Handlungsfeld `{slug}` is defined twice (first at line {line})",
                "Das Handlungsfeld `{slug}` ist zweimal festgelegt (zuerst in Zeile {line})"
            )
        case .notAnEmailAddress: return ("`{key}: {value}` is not an e-mail address", "`{key}: {value}` ist keine E-Mail-Adresse")
        case .notATelephoneNumber: return ("`{key}: {value}` is not a telephone number", "`{key}: {value}` ist keine Telefonnummer")
        case .hintLanguageTag: return ("e.g. de or de-DE", "z. B. de oder de-DE")
        case .hintOwnSlug: return ("give each Handlungsfeld its own slug", "geben Sie jedem Handlungsfeld einen eigenen Slug")
        case .hintLeaveOutMailto: return ("leave out `mailto:`: write `{address}`", "lassen Sie `mailto:` weg: schreiben Sie `{address}`")
        case .hintWriteAt:
            return (
                "write `@` instead of `{written}`; the address is shown as a link anyway",
                "schreiben Sie `@` statt `{written}`; die Adresse wird ohnehin als Link gezeigt"
            )
        case .hintOneAddress: return ("write one address in the form name@example.de", "schreiben Sie eine Adresse in der Form name@example.de")
        case .hintTelephone:
            return (
                "write only the number, in quotes: digits with spaces, `/` or `-`, optionally starting with +, e.g. \"+49 2622 9460\"",
                "schreiben Sie nur die Nummer, in Anführungszeichen: Ziffern mit Leerzeichen, `/` oder `-`, wahlweise mit + am Anfang, z. B. \"+49 2622 9460\""
            )
        // MARK: Theme (for the people who make templates)
        case .templateNotUTF8: return ("template is not valid UTF-8", "Die Vorlage ist nicht in UTF-8 gespeichert")
        case .templateSyntax: return ("template syntax: {problem}", "Syntaxfehler in der Vorlage: {problem}")
        case .templateUnreadable: return ("template could not be read: {problem}", "Die Vorlage konnte nicht gelesen werden: {problem}")
        case .templateMissing: return ("the theme has no template `{name}`", "Das Theme hat keine Vorlage `{name}`")
        case .partialMissing: return ("`{tag}`: the theme has no template `{name}`", "`{tag}`: Das Theme hat keine Vorlage `{name}`")
        case .hintTemplateSyntax: return ("{hint}", "{hint}")
        case .hintCopyTemplate:
            return (
                "every page kind needs its template; copy it from the default theme",
                "jede Seitenart braucht ihre Vorlage; kopieren Sie sie aus dem Standard-Theme"
            )
        case .hintAddTemplate: return ("add `{name}.mustache` to the theme", "ergänzen Sie `{name}.mustache` im Theme")
        case .templateKeyRenamed:
            return (
                "the key `{old}` is renamed to `{new}`; the old name still works for now",
                "Der Schlüssel `{old}` heißt jetzt `{new}`; der alte Name funktioniert noch"
            )
        case .hintUseNewKey: return ("write `{new}` instead", "schreiben Sie stattdessen `{new}`")
        // MARK: The site as a whole
        case .mustEndInYAML: return ("the file must end in .yaml", "Die Datei muss auf .yaml enden")
        case .siteYAMLMissing: return ("site.yaml is missing", "site.yaml fehlt")
        case .cannotRead: return ("cannot read the file", "Die Datei kann nicht gelesen werden")
        case .activeMedia:
            return (
                "medien/ holds images and documents to download; {type} files would be published unchecked, under the site's address",
                "medien/ enthält Bilder und Dokumente zum Herunterladen; {type}-Dateien würden ungeprüft unter der Adresse der Website veröffentlicht"
            )
        case .reservedPageName:
            return (
                "a free page cannot be called `{slug}`: the site uses /{slug}/ itself",
                "Eine freie Seite kann nicht `{slug}` heißen: Die Website nutzt /{slug}/ selbst"
            )
        case .requiredPageMissing:
            return (
                "the page `{slug}` is missing; German law requires it on a public body's site",
                "Die Seite `{slug}` fehlt; das Gesetz verlangt sie auf der Website einer öffentlichen Stelle"
            )
        case .requiredPageDraft:
            return (
                "the page `{slug}` is marked as a draft; German law requires it on a public body's site",
                "Die Seite `{slug}` ist als Entwurf markiert; das Gesetz verlangt sie auf der Website einer öffentlichen Stelle"
            )
        case .subFolder: return ("sub-folders are not read inside {folder}/", "Unterordner in {folder}/ werden nicht gelesen")
        case .notContent: return ("not part of the content format; ignored", "Gehört nicht zum Inhaltsformat; wird übergangen")
        case .onlyMarkdown: return ("only Markdown files (.md) belong in {folder}/", "In {folder}/ gehören nur Markdown-Dateien (.md)")
        case .fileNameNotASlug:
            return (
                "file name `{name}` is not a slug (lower-case a-z, 0-9 and single hyphens)",
                "Der Dateiname `{name}` ist kein Slug (Kleinbuchstaben a–z, Ziffern 0–9 und einzelne Bindestriche)"
            )
        case .namesDraftProfile: return ("`{key}` names `{slug}`, whose profile is a draft", "`{key}` nennt `{slug}`, dessen Profil ein Entwurf ist")
        case .noSuchProfile:
            return (
                "`{key}` names `{slug}`, which has no profile in kommunen/",
                "`{key}` nennt `{slug}`, dazu gibt es kein Profil in kommunen/"
            )
        case .kreisNotALandkreis:
            return (
                "`kreis: {slug}` is a {art}, not a Landkreis",
                "`kreis: {slug}` ist als {art} angelegt, nicht als Landkreis"
            )
        case .kreisItself: return ("a Landkreis cannot belong to itself", "Ein Landkreis kann nicht zu sich selbst gehören")
        case .kreisOtherLand:
            return (
                "`kreis: {slug}` lies in {land}, this Kommune in {own}",
                "`kreis: {slug}` liegt in {land}, diese Kommune in {own}"
            )
        case .noSuchHandlungsfeld:
            return (
                "Handlungsfeld `{slug}` is not defined in handlungsfelder.yaml",
                "Das Handlungsfeld `{slug}` ist in handlungsfelder.yaml nicht festgelegt"
            )
        case .yearName:
            return (
                "`{slug}` cannot be the name of a page in {folder}/: the site uses /{folder}/{slug}/ for that year's list",
                "`{slug}` kann nicht Name einer Seite in {folder}/ sein: Die Website nutzt /{folder}/{slug}/ für die Liste dieses Jahres"
            )
        case .dateiOutsideMedien: return ("`datei` must stay inside medien/", "`datei` muss innerhalb von medien/ bleiben")
        case .noSuchImage: return ("`datei: {value}`: there is no file {path}", "`datei: {value}`: Die Datei {path} gibt es nicht")
        case .noSuchHeadingHere: return ("this page has no heading `{fragment}`", "Diese Seite hat keine Überschrift `{fragment}`")
        case .noSuchMedia: return ("link to {path}: no such file in {folder}", "Link auf {path}: Diese Datei gibt es nicht in {folder}")
        case .noSuchPage: return ("link to {path}: no such file", "Link auf {path}: Diese Datei gibt es nicht")
        case .linkToDraft: return ("link to {path}, which is a draft", "Link auf {path}, das ist ein Entwurf")
        case .noSuchHeading: return ("{path} has no heading `{fragment}`", "{path} hat keine Überschrift `{fragment}`")
        case .hintRenameTo: return ("rename it to {name}", "benennen Sie die Datei in {name} um")
        case .hintCreateSiteYAML:
            return (
                "create it with at least `titel:` and `base_url:`",
                "legen Sie sie mindestens mit `titel:` und `base_url:` an"
            )
        case .hintRemoveActiveMedia:
            return (
                "remove it; write the content as a free page in seiten/, or link it where it is published",
                "entfernen Sie die Datei; schreiben Sie den Inhalt als freie Seite in seiten/ oder verlinken Sie ihn dort, wo er veröffentlicht ist"
            )
        case .hintRenameReserved: return ("rename the file, e.g. seiten/{slug}-info.md", "benennen Sie die Datei um, z. B. in seiten/{slug}-info.md")
        case .hintRemoveEntwurf: return ("remove `entwurf: true`", "entfernen Sie `entwurf: true`")
        case .hintCreateWithTitel: return ("create {path} with `titel:`", "legen Sie {path} mit `titel:` an")
        case .hintMoveFile: return ("move the file to {path}", "verschieben Sie die Datei nach {path}")
        case .hintPageFolders:
            return (
                "pages go in kommunen/, kaffeerunden/, meldungen/ or seiten/",
                "Seiten gehören in kommunen/, kaffeerunden/, meldungen/ oder seiten/"
            )
        case .hintMediaFolder: return ("images and downloads go in medien/", "Bilder und Downloads gehören in medien/")
        case .hintPublishProfile: return ("publish the profile or build with --drafts", "veröffentlichen Sie das Profil oder bauen Sie mit --drafts")
        case .hintCreateFile: return ("create {path}", "legen Sie {path} an")
        case .hintKreis:
            return (
                "`kreis` names the profile of the Landkreis the Kommune belongs to",
                "`kreis` nennt das Profil des Landkreises, zu dem die Kommune gehört"
            )
        case .hintCheckKreisLand: return ("check `kreis` and `bundesland`", "prüfen Sie `kreis` und `bundesland`")
        case .hintAddHandlungsfeld: return ("add it to handlungsfelder.yaml", "ergänzen Sie es in handlungsfelder.yaml")
        case .hintDateInName:
            return (
                "put the date and a word in the name, e.g. {example}",
                "nehmen Sie das Datum und ein Wort in den Namen auf, z. B. {example}"
            )
        case .hintRemoveDotDot: return ("remove the ../", "entfernen Sie das ../")
        case .hintPutImage: return ("put the image in {folder}", "legen Sie das Bild in {folder} ab")
        case .hintPublishPage: return ("publish it or build with --drafts", "veröffentlichen Sie die Seite oder bauen Sie mit --drafts")
        case .hintPagesLive:
            return (
                "pages live in kommunen/, kaffeerunden/, meldungen/ or seiten/",
                "Seiten liegen in kommunen/, kaffeerunden/, meldungen/ oder seiten/"
            )
        case .hintDidYouMeanPath: return ("did you mean {path}?", "meinten Sie {path}?")
        // MARK: SVG images in medien/
        case .svgCompressed:
            return (
                "a compressed SVG (.svgz) cannot be checked for scripts",
                "Ein komprimiertes SVG (.svgz) kann nicht auf Skripte geprüft werden"
            )
        case .svgNotUTF8:
            return (
                "the SVG is not UTF-8 text, so it cannot be checked for scripts",
                "Das SVG ist kein UTF-8-Text und kann deshalb nicht auf Skripte geprüft werden"
            )
        case .svgEntity:
            return (
                "the SVG declares an entity (`<!ENTITY`), which can hide markup from this check",
                "Das SVG erklärt eine Entität (`<!ENTITY`), die Markup vor dieser Prüfung verbergen kann"
            )
        case .svgTooDeep:
            return (
                "the SVG nests elements more than {depth} deep and cannot be checked",
                "Das SVG verschachtelt Elemente mehr als {depth} Ebenen tief und kann nicht geprüft werden"
            )
        case .svgStyleReference:
            return (
                "the SVG's style sheet refers to `{target}`; an SVG may only refer to its own parts (#id)",
                "Das Stylesheet des SVG verweist auf `{target}`; ein SVG darf nur auf eigene Teile verweisen (#id)"
            )
        case .svgStylesheet: return ("the SVG loads a style sheet (`<?xml-stylesheet …?>`)", "Das SVG lädt ein Stylesheet (`<?xml-stylesheet …?>`)")
        case .svgScript:
            return (
                "the SVG contains a script ({element}); scripts in images are not published",
                "Das SVG enthält ein Skript ({element}); Skripte in Bildern werden nicht veröffentlicht"
            )
        case .svgForeignObject:
            return (
                "the SVG contains {element}, which can carry HTML and scripts",
                "Das SVG enthält {element}, das HTML und Skripte tragen kann"
            )
        case .svgHTMLElement:
            return (
                "the SVG contains the HTML element {element}, which an SVG image cannot use",
                "Das SVG enthält das HTML-Element {element}, das ein SVG-Bild nicht nutzen kann"
            )
        case .svgEventHandler:
            return (
                "the SVG has an event handler (`{attribute}` on {element}), which runs a script",
                "Das SVG hat einen Event-Handler (`{attribute}` an {element}), der ein Skript ausführt"
            )
        case .svgReference:
            return (
                "the SVG refers to `{target}` (`{attribute}` on {element}); an SVG may only refer to its own parts (#id)",
                "Das SVG verweist auf `{target}` (`{attribute}` an {element}); ein SVG darf nur auf eigene Teile verweisen (#id)"
            )
        case .svgHTMLNamespace:
            return (
                "the SVG declares the HTML namespace (`{attribute}` on {element}), which can carry scripts",
                "Das SVG erklärt den HTML-Namensraum (`{attribute}` an {element}), der Skripte tragen kann"
            )
        case .svgAnimation:
            return (
                "the SVG animates `{value}` (on {element}), which can turn into a link or script",
                "Das SVG animiert `{value}` (an {element}), das zu einem Link oder Skript werden kann"
            )
        case .svgScriptAddress:
            return (
                "the SVG holds a script address in `{attribute}` on {element}",
                "Das SVG enthält eine Skript-Adresse in `{attribute}` an {element}"
            )
        case .hintSaveSVGPlain:
            return (
                "save the image again without scripts and links to other files, e.g. as plain SVG or as PNG",
                "speichern Sie das Bild erneut ohne Skripte und Verweise auf andere Dateien, z. B. als einfaches SVG oder als PNG"
            )
        case .hintSaveUncompressed: return ("save it uncompressed as .svg", "speichern Sie es unkomprimiert als .svg")
        // MARK: Limits of a text's shape
        case .limitHeaderReread:
            return (
                "lines like this one, which look like a table's delimiter row, make the paragraph above them be read again as a table header: {bytes} bytes so far, and a text may have at most {limit}",
                "Zeilen wie diese, die wie die Trennzeile einer Tabelle aussehen, lassen den Absatz darüber erneut als Tabellenkopf lesen: bisher {bytes} Bytes, und ein Text darf höchstens {limit} haben"
            )
        case .limitAtSigns:
            return (
                "a word here has more than {limit} `@`; looking for e-mail addresses in it costs time for each one, and a text may have at most {limit} in one word",
                "Ein Wort hier hat mehr als {limit} `@`; die Suche nach E-Mail-Adressen darin kostet für jedes Zeit, und ein Text darf höchstens {limit} in einem Wort haben"
            )
        case .limitTableLine:
            return (
                "this line of a table has up to {cells} cells; a table's lines may have at most {limit}",
                "Diese Tabellenzeile hat bis zu {cells} Zellen; die Zeilen einer Tabelle dürfen höchstens {limit} haben"
            )
        case .limitFilledCells:
            return (
                "this table has {columns} columns, and its shorter rows would be filled up with {filled} empty cells; the tables of a text may be filled up with at most {limit}",
                "Diese Tabelle hat {columns} Spalten, und ihre kürzeren Zeilen würden mit {filled} leeren Zellen aufgefüllt; die Tabellen eines Textes dürfen mit höchstens {limit} aufgefüllt werden"
            )
        case .limitUnclosedHTML:
            return (
                "this paragraph has {count} `<?`, `<!` or `<![CDATA[` without their end (`?>`, `>`, `]]>`) after them; a paragraph may have at most {limit}",
                "Dieser Absatz hat {count} `<?`, `<!` oder `<![CDATA[` ohne ihr Ende (`?>`, `>`, `]]>`) danach; ein Absatz darf höchstens {limit} haben"
            )
        case .hintBlankLineBeforeTable:
            return (
                "put a blank line before the table or before this line",
                "setzen Sie eine Leerzeile vor die Tabelle oder vor diese Zeile"
            )
        case .hintSpacesBetweenAddresses: return ("put spaces between the addresses", "setzen Sie Leerzeichen zwischen die Adressen")
        case .hintSplitTable:
            return (
                "split the table, or put a blank line between this text and a line like |---|",
                "teilen Sie die Tabelle, oder setzen Sie eine Leerzeile zwischen diesen Text und eine Zeile wie |---|"
            )
        case .hintEqualRows:
            return (
                "give every row as many cells as the header row, e.g. | a | | |, or split the table",
                "geben Sie jeder Zeile so viele Zellen wie der Kopfzeile, z. B. | a | | |, oder teilen Sie die Tabelle"
            )
        case .hintEscapeAngle:
            return (
                "write them as code (`<?php`) or escape the `<` as `\\<`",
                "schreiben Sie sie als Code (`<?php`) oder maskieren Sie das `<` als `\\<`"
            )
        // MARK: The text of a page
        case .headingLevelOne:
            return (
                "a `#` heading in the text is shown as `##`: the title is the page's only top heading",
                "Eine Überschrift `#` im Text wird als `##` gezeigt: Der Titel ist die einzige oberste Überschrift der Seite"
            )
        case .imageWithoutAlt: return ("image has no alt text", "Das Bild hat keinen Alternativtext")
        case .imageNotMedia: return ("an image must be a file below medien/", "Ein Bild muss eine Datei unter medien/ sein")
        case .controlReference:
            return (
                "`{reference}` is the control character {codePoint}, which HTML does not allow in a page",
                "`{reference}` ist das Steuerzeichen {codePoint}, das HTML in einer Seite nicht erlaubt"
            )
        case .linkWithoutTarget: return ("link has no target", "Der Link hat kein Ziel")
        case .linkScheme:
            return (
                "link `{url}` uses the scheme `{scheme}:`; the site links only to web pages, e-mail addresses and phone numbers",
                "Der Link `{url}` nutzt das Schema `{scheme}:`; die Website verlinkt nur auf Webseiten, E-Mail-Adressen und Telefonnummern"
            )
        case .linkFromRoot:
            return (
                "link `{url}` starts at the server root, which breaks when the site is published under a sub-path",
                "Der Link `{url}` beginnt beim Wurzelverzeichnis des Servers und geht kaputt, wenn die Website in einem Unterverzeichnis veröffentlicht wird"
            )
        case .linkOutside: return ("link `{url}` points outside the content folder", "Der Link `{url}` zeigt aus dem Inhaltsordner hinaus")
        case .linkNotContent:
            return (
                "link `{url}` is neither a content file (.md) nor a file below medien/",
                "Der Link `{url}` zeigt weder auf eine Inhaltsdatei (.md) noch auf eine Datei unter medien/"
            )
        case .hintStartWithH2: return ("start sections with ##", "beginnen Sie Abschnitte mit ##")
        case .hintDescribeImage:
            return (
                "describe the image: ![Was das Bild zeigt](../medien/bild.jpg)",
                "beschreiben Sie das Bild: ![Was das Bild zeigt](../medien/bild.jpg)"
            )
        case .hintImageInMedien:
            return (
                "put the image in content/medien/ and link ../medien/NAME",
                "legen Sie das Bild in content/medien/ ab und verlinken Sie ../medien/NAME"
            )
        case .hintControlReference:
            return (
                "remove it; to show the reference itself, put it in backticks: `{reference}`",
                "entfernen Sie es; um die Zeichenreferenz selbst zu zeigen, setzen Sie sie in Backticks: `{reference}`"
            )
        case .hintLinkSchemes:
            return (
                "write https://…, mailto:… or tel:…, or link to a content file by its relative path",
                "schreiben Sie https://…, mailto:… oder tel:…, oder verlinken Sie eine Inhaltsdatei über ihren relativen Pfad"
            )
        case .hintRelativeLink:
            return (
                "link to the content file by its relative path, e.g. ../kommunen/bendorf.md",
                "verlinken Sie die Inhaltsdatei über ihren relativen Pfad, z. B. ../kommunen/bendorf.md"
            )
        case .hintCountDotDot: return ("count the ../ again", "zählen Sie die ../ noch einmal nach")
        case .hintLinkMarkdownFile:
            return (
                "link to pages by their Markdown file, e.g. ../kommunen/bendorf.md",
                "verlinken Sie Seiten über ihre Markdown-Datei, z. B. ../kommunen/bendorf.md"
            )
        // MARK: Raw HTML in a text
        case .htmlTooDeep:
            return (
                "raw HTML nested more than {depth} elements deep; all raw HTML of this text was left out",
                "HTML ist mehr als {depth} Elemente tief verschachtelt; alles HTML dieses Textes wurde weggelassen"
            )
        case .htmlTooDeepPart:
            return (
                "raw HTML nested more than {depth} elements deep; the deeper part was removed",
                "HTML ist mehr als {depth} Elemente tief verschachtelt; der tiefere Teil wurde entfernt"
            )
        case .htmlElementRemovedWithContent:
            return (
                "raw HTML `<{element}>` removed with its content: it is not allowed on the site",
                "HTML `<{element}>` samt Inhalt entfernt: Es ist auf der Website nicht erlaubt"
            )
        case .htmlElementRemoved:
            return (
                "raw HTML `<{element}>` removed: it is not allowed on the site",
                "HTML `<{element}>` entfernt: Es ist auf der Website nicht erlaubt"
            )
        case .htmlElementRemovedTextKept:
            return (
                "raw HTML `<{element}>` removed (its text is kept): it is not allowed on the site",
                "HTML `<{element}>` entfernt (sein Text bleibt): Es ist auf der Website nicht erlaubt"
            )
        case .htmlInputRemoved:
            return (
                "raw HTML `<input>` removed: only the disabled checkbox of a task list is allowed",
                "HTML `<input>` entfernt: Erlaubt ist nur das deaktivierte Kästchen einer Aufgabenliste"
            )
        case .htmlAttributeRemoved:
            return (
                "raw HTML: attribute `{attribute}` removed from `<{element}>`: it is not allowed on the site",
                "HTML: Attribut `{attribute}` aus `<{element}>` entfernt: Es ist auf der Website nicht erlaubt"
            )
        case .htmlAddressRemoved:
            return (
                "raw HTML: `{attribute}` removed from `<{element}>`: `{value}` is not a web, mail or phone address",
                "HTML: `{attribute}` aus `<{element}>` entfernt: `{value}` ist keine Web-, E-Mail- oder Telefonadresse"
            )
        case .htmlStyleRemoved:
            return (
                "raw HTML: `style` removed from `<{element}>`: only `text-align` in table cells is allowed",
                "HTML: `style` aus `<{element}>` entfernt: Erlaubt ist nur `text-align` in Tabellenzellen"
            )
        case .hintUseMarkdown:
            return (
                "use Markdown instead; docs/content-format.md (HTML im Text) lists the HTML that is published",
                "schreiben Sie stattdessen Markdown; docs/content-format.md (HTML im Text) nennt das HTML, das veröffentlicht wird"
            )
        // MARK: Reading the folders
        case .cannotReadBecause: return ("cannot read the file: {reason}", "Die Datei kann nicht gelesen werden: {reason}")
        case .cannotReadFolder: return ("cannot read the folder: {reason}", "Der Ordner kann nicht gelesen werden: {reason}")
        case .symbolicLink:
            return (
                "symbolic link ignored: sitegen reads only files inside the folder",
                "Symbolischer Link übergangen: sitegen liest nur Dateien innerhalb des Ordners"
            )
        case .reasonChangedWhileRead: return ("it changed while it was read", "sie hat sich beim Lesen geändert")
        case .hintFilePermissions: return ("check the file's permissions", "prüfen Sie die Zugriffsrechte der Datei")
        case .hintFolderPermissions: return ("check the folder's permissions", "prüfen Sie die Zugriffsrechte des Ordners")
        case .hintCopyInsteadOfLink:
            return (
                "copy the file here instead of linking to it",
                "kopieren Sie die Datei hierher, statt auf sie zu verlinken"
            )
        case .hintMediaBelongs: return ("images and downloads belong in medien/", "Bilder und Downloads gehören in medien/")
        // MARK: Summary lines of build, check and serve
        case .summaryBuilt: return ("sitegen: built {summary} to {output} in {seconds} s", "sitegen: {summary}, nach {output}, in {seconds} s")
        case .summaryCounts:
            return (
                "{pages} ({kommunen}, {kaffeerunden}, {meldungen}, {seiten}, {handlungsfelder}, {overviews}) and copied {files}",
                "{pages} ({kommunen}, {kaffeerunden}, {meldungen}, {seiten}, {handlungsfelder}, {overviews}) erstellt und {files} kopiert"
            )
        case .summaryWarningsSuffix: return (", {warnings}", ", {warnings}")
        case .moreLikeThis:
            return (
                "and {count} more of the same in this file, not shown one by one (`sitegen check --format json` lists every one)",
                "und {count}-mal dieselbe Warnung in dieser Datei, nicht einzeln gezeigt (`sitegen check --format json` listet jede auf)"
            )
        case .summaryBuildFailed:
            return (
                "sitegen: {errors}, {warnings}; nothing was written",
                "sitegen: {errors}, {warnings}; es wurde nichts geschrieben"
            )
        case .summaryUpToDate:
            return (
                "sitegen: {output} is up to date: no input changed since the last build ({seconds} s)",
                "sitegen: {output} ist aktuell: Seit dem letzten Build hat sich keine Eingabe geändert ({seconds} s)"
            )
        case .summaryWritten:
            return (
                "sitegen: {written} files written, {unchanged} unchanged, {removed} removed",
                "sitegen: {written} Dateien geschrieben, {unchanged} unverändert, {removed} entfernt"
            )
        case .summaryChecked: return ("sitegen: checked {files} in {seconds} s: {counts}", "sitegen: {files} geprüft in {seconds} s: {counts}")
        case .summaryErrorCounts: return ("{errors}", "{errors}")
        case .summaryErrorAndWarningCounts: return ("{errors}, {warnings}", "{errors}, {warnings}")
        case .summaryServing: return ("sitegen: serving {url} (press Ctrl-C to stop)", "sitegen: Vorschau unter {url} (beenden mit Strg-C)")
        case .summaryServeBuilt: return ("sitegen: built {summary} in {seconds} s", "sitegen: {summary}, in {seconds} s")
        case .summaryAfterChange: return (" after a change to {changes}", " nach einer Änderung an {changes}")
        case .summaryServeFailed:
            return (
                "sitegen: {errors}{after}; the pages show them until the next good build",
                "sitegen: {errors}{after}; die Seiten zeigen sie bis zum nächsten gelungenen Build"
            )
        case .summaryMoreFiles: return ("{first} and {count} more files", "{first} und {count} weitere Dateien")
        case .noteFinishedUpdate:
            return (
                "sitegen: note: finished the update of {output} that an interrupted build had begun",
                "sitegen: Hinweis: Die von einem abgebrochenen Build begonnene Aktualisierung von {output} wurde abgeschlossen"
            )
        case .noteListening:
            return (
                "sitegen: note: listening on {bind}, so other machines may reach the preview",
                "sitegen: Hinweis: Lauscht auf {bind}, andere Rechner können die Vorschau also erreichen"
            )
        case .loadFailed: return ("{problem}", "{problem}")
        // MARK: Problems outside the content (`sitegen: error: …`) and `sitegen new`
        case .noSuchFolder: return ("{path}: no such folder", "{path}: Diesen Ordner gibt es nicht")
        case .cannotServe:
            return (
                "cannot serve on {address}: {reason} (is another server using the port? choose one with --port)",
                "Die Vorschau kann nicht unter {address} laufen: {reason} (nutzt ein anderer Server den Port? Wählen Sie einen mit --port)"
            )
        case .schemasNotWritten:
            return ("cannot write the schemas to {output}: {reason}", "Die Schemas können nicht nach {output} geschrieben werden: {reason}")
        case .schemasWritten: return ("sitegen: wrote {names} to {output}", "sitegen: {names} nach {output} geschrieben")
        case .fileWritten: return ("sitegen: wrote {path}", "sitegen: {path} geschrieben")
        case .newMustNotBeEmpty: return ("{what} must not be empty", "{what} darf nicht leer sein")
        case .newNothingToNameFrom:
            return (
                "{what} has no letters or digits to make a file name from; give one with --slug",
                "{what} enthält keine Buchstaben oder Ziffern, aus denen ein Dateiname werden kann; geben Sie einen mit --slug an"
            )
        case .newOptionNotASlug:
            return (
                "{option} `{value}` is not a slug (lower-case a-z, 0-9 and single hyphens); did you mean `{candidate}`?",
                "{option} `{value}` ist kein Slug (Kleinbuchstaben a–z, Ziffern 0–9 und einzelne Bindestriche); meinten Sie `{candidate}`?"
            )
        case .newOptionNotADate:
            return (
                "{option} `{value}` is not a date in the form YYYY-MM-DD{more}",
                "{option} `{value}` ist kein Datum der Form JJJJ-MM-TT{more}"
            )
        case .newOptionNotAllowed:
            return ("{option} `{value}` is not one of the allowed values ({hint})", "{option} `{value}` ist kein erlaubter Wert ({hint})")
        case .newFileExists:
            return (
                "{path} already exists; sitegen new never replaces a file (choose another name with --slug)",
                "{path} gibt es schon; sitegen new ersetzt nie eine Datei (wählen Sie mit --slug einen anderen Namen)"
            )
        case .newNoContentFolder:
            return (
                "{path}: no such folder (give the content folder with --content)",
                "{path}: Diesen Ordner gibt es nicht (nennen Sie den Inhaltsordner mit --content)"
            )
        case .newCannotWrite: return ("cannot write {path}: {reason}", "{path} kann nicht geschrieben werden: {reason}")
        case .newFillIn: return ("sitegen: fill in {keys} before the next build", "sitegen: Füllen Sie vor dem nächsten Build {keys} aus")
        case .newNoKreisYet:
            return (
                "sitegen: note: there is no profile {path} yet; `sitegen check` reports `kreis` until there is",
                "sitegen: Hinweis: Das Profil {path} gibt es noch nicht; `sitegen check` meldet `kreis`, bis es angelegt ist"
            )
        case .newTheName: return ("the name", "Der Name")
        case .newTheTitle: return ("the title", "Der Titel")
        case .wordAnd: return ("and", "und")
        case .suffixHint: return ("; {hint}", "; {hint}")
        // MARK: The error page of serve
        case .servePageTitle: return ("Errors building the site – sitegen serve", "Fehler beim Bauen der Website – sitegen serve")
        case .servePageHeading: return ("The site could not be built", "Die Website konnte nicht gebaut werden")
        case .servePageExplanation:
            return (
                "sitegen found {count}. Correct the places listed and save the file: this page then reloads by itself.",
                "sitegen hat {count} gefunden. Korrigieren Sie die genannten Stellen und speichern Sie die Datei: Diese Seite lädt dann von selbst neu."
            )
        // MARK: Words with a number: singular¦plural
        case .wordError: return ("error¦errors", "Fehler¦Fehler")
        case .wordWarning: return ("warning¦warnings", "Warnung¦Warnungen")
        case .wordFile: return ("file¦files", "Datei¦Dateien")
        case .wordPage: return ("page¦pages", "Seite¦Seiten")
        case .wordKommune: return ("Kommune¦Kommunen", "Kommune¦Kommunen")
        case .wordKaffeerunde: return ("Kaffeerunde¦Kaffeerunden", "Kaffeerunde¦Kaffeerunden")
        case .wordMeldung: return ("Meldung¦Meldungen", "Meldung¦Meldungen")
        case .wordSeite: return ("Seite¦Seiten", "freie Seite¦freie Seiten")
        case .wordHandlungsfeld: return ("Handlungsfeld¦Handlungsfelder", "Handlungsfeld¦Handlungsfelder")
        case .wordOverview: return ("overview¦overviews", "Übersicht¦Übersichten")
        // MARK: Warnings: mistakes that would pass in silence
        case .meldungInFuture:
            return (
                "`datum: {value}` lies in the future: the Meldung would be shown as the newest one and date the feed",
                "`datum: {value}` liegt in der Zukunft: Die Meldung stünde als neueste oben und bestimmte das Datum des Feeds"
            )
        case .placeholderText:
            return (
                "the placeholder text of `sitegen new` is still here: „{text}“",
                "Hier steht noch der Platzhaltertext von `sitegen new`: „{text}“"
            )
        case .duplicateAGS:
            return (
                "`ags: \"{ags}\"` is also the AGS of {other}",
                "`ags: \"{ags}\"` ist auch der AGS von {other}"
            )
        case .sameNameInKreis:
            return (
                "`name: {name}` is also the name of {other} in the same Kreis `{kreis}`",
                "`name: {name}` ist auch der Name von {other} im selben Kreis `{kreis}`"
            )
        case .titleTooLong:
            return (
                "`{key}` has {count} characters; browser tabs and search results show about 120",
                "`{key}` hat {count} Zeichen; Browser-Tabs und Suchergebnisse zeigen etwa 120"
            )
        case .typographicQuotes:
            return (
                "`{key}: {value}` is wrapped in quotation marks, which would be published with it",
                "`{key}: {value}` steht in Anführungszeichen, die mitveröffentlicht würden"
            )
        case .altIsFileName:
            return (
                "the alt text `{alt}` is the file name; it should say what the image shows",
                "Der Alternativtext `{alt}` ist der Dateiname; er sollte sagen, was das Bild zeigt"
            )
        case .imageUnreadable: return ("{path} cannot be read", "{path} kann nicht gelesen werden")
        case .imageTooLarge:
            return (
                "{path} is {size} MB; an image may be at most {limit} MB", "{path} ist {size} MB groß; ein Bild darf höchstens {limit} MB groß sein"
            )
        case .imageTooManyPixels:
            return (
                "{path} is {width} × {height} pixels ({megapixels} megapixels); an image may have at most {limit} megapixels",
                "{path} hat {width} × {height} Pixel ({megapixels} Megapixel); ein Bild darf höchstens {limit} Megapixel haben"
            )
        case .imageUndecodable: return ("{path} cannot be decoded as an image: {reason}", "{path} lässt sich nicht als Bild lesen: {reason}")
        case .imageTooWide:
            return (
                "{path} is {width} px wide; the site shows it at most {shown} px wide",
                "{path} ist {width} px breit; die Website zeigt es höchstens {shown} px breit"
            )
        case .hintSaveSmallerJPEG: return ("save it smaller, e.g. 3000 px wide as JPEG", "speichern Sie es kleiner, z. B. 3000 px breit als JPEG")
        case .hintSaveSmaller: return ("save it smaller, e.g. 3000 px wide", "speichern Sie es kleiner, z. B. 3000 px breit")
        case .hintSaveAgain:
            return (
                "open it in an image program and save it again as JPEG, PNG or WebP",
                "öffnen Sie es in einem Bildprogramm und speichern Sie es erneut als JPEG, PNG oder WebP"
            )
        case .hintSaveNarrower: return ("save it at most 3000 px wide", "speichern Sie es höchstens 3000 px breit")
        case .photoUnused:
            return (
                "no page shows or links this photo, so it is not published (its metadata could tell where it was taken)",
                "Keine Seite zeigt oder verlinkt dieses Foto, daher wird es nicht veröffentlicht (seine Metadaten könnten verraten, wo es aufgenommen wurde)"
            )
        case .hintUsePhotoOrRemove:
            return (
                "show it with `bild:` or `![…](…)`, link it, or remove it from medien/",
                "zeigen Sie es mit `bild:` oder `![…](…)`, verlinken Sie es oder entfernen Sie es aus medien/"
            )
        case .mediaTooLarge:
            return (
                "the file has {size} MB; pages with files over 5 MB load slowly on mobile connections",
                "Die Datei ist {size} MB groß; Seiten mit Dateien über 5 MB laden über Mobilfunk langsam"
            )
        case .hintCheckDate:
            return (
                "check the date; an event still to come is announced by a Kaffeerunde, whose date may lie ahead",
                "prüfen Sie das Datum; eine kommende Veranstaltung kündigt ein Kaffeerunden-Bericht an, dessen Datum in der Zukunft liegen darf"
            )
        case .hintReplacePlaceholder:
            return (
                "replace it with the real text",
                "ersetzen Sie ihn durch den eigentlichen Text"
            )
        case .hintCheckAGS:
            return (
                "each Kommune has an Amtlicher Gemeindeschlüssel of its own; check both profiles",
                "jede Kommune hat ihren eigenen Amtlichen Gemeindeschlüssel; prüfen Sie beide Profile"
            )
        case .hintSameName:
            return (
                "is it the same Kommune twice? Otherwise tell the two apart in `name`",
                "ist es dieselbe Kommune zweimal? Sonst unterscheiden Sie die beiden in `name`"
            )
        case .hintShortenTitle:
            return (
                "shorten it to at most 120 characters; the details belong in the text",
                "kürzen Sie ihn auf höchstens 120 Zeichen; Einzelheiten gehören in den Text"
            )
        case .hintWithoutQuotes:
            return (
                "write `{key}: {inner}`",
                "schreiben Sie `{key}: {inner}`"
            )
        case .hintDescribeInWords:
            return (
                "describe in a few words what the image shows, e.g. Rathaus am Rheinufer",
                "beschreiben Sie in wenigen Worten, was das Bild zeigt, z. B. Rathaus am Rheinufer"
            )
        case .hintShrinkMedia:
            return (
                "make it smaller, e.g. an image 2000 pixels wide, or link a large document where it is published",
                "verkleinern Sie die Datei, z. B. ein Bild auf 2000 Pixel Breite, oder verlinken Sie ein großes Dokument dort, wo es veröffentlicht ist"
            )
        }
    }
}
