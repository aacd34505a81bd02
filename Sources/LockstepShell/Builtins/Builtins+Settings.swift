import LockstepCore
import LockstepPluginHost

extension Builtins {
    static let settings = ["format", "csv-formulas"]
    static let formulaModes = ["neutral", "raw"]

    static let set = ShellCommand(CommandSpec(
        "set", summary: "Change a setting; with no argument, show them",
        arguments: [ArgumentSpec("SETTING", completion: .words(settings), optional: true),
                    ArgumentSpec("VALUE", completion: .words(OutputFormat.names + formulaModes), optional: true)],
        examples: ["set format json", "set format table", "set csv-formulas raw", "set"]
    )) { session, invocation in
        let formulas = session.renderOptions.neutralizeFormulas ? "neutral" : "raw"
        guard let setting = invocation.argument(0) else {
            session.emit(.text("format \(session.format.rawValue)\ncsv-formulas \(formulas)"))
            return
        }
        guard settings.contains(setting) else {
            throw CommandError.usage("set: unknown setting '\(setting)'\(Suggestion.phrase(for: setting, in: settings))",
                                     fix: "settings: format (table, csv, json, markdown); csv-formulas (neutral: a leading ' on cells a "
                                     + "spreadsheet would run as formulas; raw: as they are, for programs)")
        }
        guard let value = invocation.argument(1) else {
            session.emit(.text(setting == "format" ? "format \(session.format.rawValue)" : "csv-formulas \(formulas)"))
            return
        }
        if setting == "csv-formulas" {
            guard formulaModes.contains(value) else { throw CommandError.unknown("csv-formulas mode", value, among: formulaModes) }
            session.renderOptions.neutralizeFormulas = value == "neutral"
            return
        }
        guard let format = OutputFormat(rawValue: value) else {
            throw CommandError.usage("set format: unknown format '\(value)'\(Suggestion.phrase(for: value, in: OutputFormat.names))",
                                     fix: "formats: \(OutputFormat.names.joined(separator: ", "))")
        }
        session.format = format
    }

    static let plugins = ShellCommand(CommandSpec(
        "plugins", summary: "List the plugins, which are loaded, and what each needs",
        examples: ["plugins"]
    )) { session, _ in
        let rows: [[Table.Cell]] = session.registry.available.map { plugin in
            let loaded = session.workbook.plugins.contains(plugin.name)
            let sections = plugin.sections.map { $0.key }.joined(separator: ", ")
            let state = (plugin as? ExternalPlugin).map { " (\($0.state))" } ?? ""
            return [.text(plugin.name), .text((loaded ? "yes" : "no") + state), .text(plugin.dependencies.joined(separator: ", ")),
                    .text(sections), .text(plugin.summary)]
        }
        session.emit(.table(Table(["plugin", "loaded", "needs", "sections", "what it holds"], rows: rows)))
    }

    static let list = ShellCommand(CommandSpec(
        "list", summary: "List the items of one kind: ids and names",
        arguments: [ArgumentSpec("KIND", completion: .kindNames)],
        examples: ["list stages", "list personas"]
    )) { session, invocation in
        let kind = try session.requireKind(named: invocation.arguments[0], command: "list").kind
        let rows: [[Table.Cell]] = session.workbook.items(of: kind).map { [.text($0.id), .text($0.name)] }
        session.emit(.table(Table(["id", "name"], rows: rows)))
    }

    static let quit = ShellCommand(CommandSpec(
        "quit", summary: "Leave the shell (asks about unsaved changes)",
        options: [OptionSpec("--discard", summary: "leave without saving and without asking")],
        examples: ["quit"]
    )) { _, invocation in
        throw QuitRequest(discardChanges: invocation.flag("--discard"))
    }

    static let exit = ShellCommand(CommandSpec(
        "exit", summary: "Same as quit",
        options: [OptionSpec("--discard", summary: "leave without saving and without asking")]
    )) { _, invocation in
        throw QuitRequest(discardChanges: invocation.flag("--discard"))
    }
}
