import Mustache
import Testing
@testable import QuizSite

@Suite struct CompiledTemplatesTests {
    /// Renders `main` with both swift-mustache and the compiled form.
    static func both(_ files: [String: String], context: [String: Any]) throws -> (expected: String, actual: String) {
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in files {
            let template = try MustacheTemplate(string: text)
            library.register(template, named: name)
            parsed[name] = template
        }
        let compiled = try #require(CompiledTemplates(parsed))
        #expect(CompiledTemplates(serialized: compiled.serialized) == compiled)
        let value = try #require(TemplateValue(context))
        return (library.render(context, withTemplate: "main") ?? "",
                String(decoding: compiled.render("main", context: value), as: UTF8.self))
    }

    static var context: [String: Any] { [
        "title": "A <b>&</b> \"q\" 'x'", "accent": "e\u{301} <\u{301} > ñ", "count": 3, "zero": 0, "yes": true, "no": false,
        "empty": "", "tags": ["a", "<b>"], "none": [String](), "site": ["title": "Site", "lang": "en"],
        "items": [["name": "one", "n": 1, "flag": true], ["name": "two", "n": 2, "flag": false]] as [[String: Any]],
        "root": "../", "multiline": "line1\nline2\n",
    ] }

    @Test(arguments: [
        "{{title}}|{{{title}}}|{{&title}}|{{accent}}|{{count}}|{{zero}}|{{yes}}|{{no}}|{{missing}}|{{empty}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}{{#missing}}M{{/missing}}{{^missing}}noM{{/missing}}",
        "{{#count}}[{{.}}]{{/count}}{{#zero}}[{{.}}]{{/zero}}{{#empty}}[{{.}}]{{/empty}}{{^empty}}E{{/empty}}",
        "{{#tags}}<{{.}}>{{/tags}}{{^tags}}none{{/tags}}{{#none}}x{{/none}}{{^none}}empty:{{.}}{{/none}}",
        "{{#items}}{{name}}={{n}} {{#flag}}on{{/flag}}{{^flag}}off{{/flag}} {{root}}{{title}};{{/items}}",
        "{{site.title}}/{{site.lang}}/{{site.missing}}/{{#site}}{{title}}-{{.title}}-{{.root}}-{{root}}{{/site}}",
        "{{#items}}{{site.title}}{{.name}}{{/items}}|{{tags}}|{{{tags}}}",
        "a\n  {{#yes}}\n  in\n  {{/yes}}\nb\n{{! comment }}\nc {{! inline }} d\n",
        "<ul>\n  {{> item}}\n</ul>\n{{> item}}|{{> nothing}}|",
        "{{#items}}\n  {{> item}}\n{{/items}}\n",
        "{{=<% %>=}}<% title %>|<%#yes%>y<%/yes%><%={{ }}=%>{{count}}",
    ])
    func rendersLikeSwiftMustache(main: String) throws {
        let files = ["main": main, "item": "<li>{{title}}</li>\n<li>{{multiline}}</li>\n{{#tags}}\n  <i>{{.}}</i>\n{{/tags}}\n"]
        let (expected, actual) = try Self.both(files, context: Self.context)
        #expect(actual == expected)
    }

    @Test func theBuiltInTemplatesCompile() throws {
        #expect(CompiledTemplates(TemplateSet.builtIn.parsedTemplates()) != nil)
    }

    @Test(arguments: ["{{#first(items)}}x{{/first(items)}}", "{{$block}}x{{/block}}", "{{>*dynamic}}",
                      "{{%CONTENT_TYPE:TEXT}}{{title}}", "{{_value}}"])
    func leavesOtherFeaturesToSwiftMustache(main: String) throws {
        #expect(CompiledTemplates(["main": try MustacheTemplate(string: main)]) == nil)
    }

    @Test func serializedFormRoundTrips() throws {
        let simple = try #require(CompiledTemplates(["main": try MustacheTemplate(string: "a{{b.c}}{{{.}}}{{#.d}}e{{/.d}}")]))
        #expect(simple.serialized == "#4:maint1:av-3:b.cu.0:s.1:dt1:ee")
        let compiled = try #require(CompiledTemplates(["main": try MustacheTemplate(string: "a{{#s}}{{.}}{{^t}}{{.u.v}}{{/t}}{{/s}}"),
                                                       "item": try MustacheTemplate(string: "x\n  {{> main}}\n{{{w}}}")]))
        #expect(CompiledTemplates(serialized: compiled.serialized) == compiled)
        #expect(CompiledTemplates(serialized: "#4:main")?.templates == ["main": []])
    }

    @Test(arguments: ["x", "#4:mains-1:x", "#4:maine", "#4:maint9:abc", "#1:at1:a#1:at1:b", "#1:ap1:b", "#1:av+1:b"])
    func serializedFormRejectsWhatItNeverWrites(text: String) {
        #expect(CompiledTemplates(serialized: text) == nil)
    }

    @Test func valuesOfOtherTypesAreLeftToSwiftMustache() {
        #expect(TemplateValue(["x": 1.5] as [String: Any]) == nil)
        #expect(TemplateValue(["x": "a".dropFirst()] as [String: Any]) == nil)
    }

    /// Rendered HTML kept as bytes writes as it is into `{{{…}}}` and escaped into `{{…}}`, as the same string would.
    @Test func bytesRenderAsTheirString() throws {
        let compiled = try #require(CompiledTemplates(["main": try MustacheTemplate(string: "{{{body}}}|{{body}}|{{#body}}[{{.}}]{{/body}}")]))
        let html = "<p>é & \u{301}</p>"
        let asBytes = compiled.render("main", context: .object(["body": .html(Array(html.utf8))]))
        let asString = compiled.render("main", context: .object(["body": .string(html)]))
        #expect(asBytes == asString)
        #expect(String(decoding: asBytes, as: UTF8.self) == "<p>é & \u{301}</p>|&lt;p&gt;é &amp; \u{301}&lt;/p&gt;|[&lt;p&gt;é &amp; \u{301}&lt;/p&gt;]")
    }
}
