import LockstepCore

extension Builtins {
    static let undo = ShellCommand(CommandSpec("undo", summary: "Take back the last change", examples: ["undo"])) { session, _ in
        session.emit(.note("undid: \(try session.undo())"))
    }

    static let redo = ShellCommand(CommandSpec("redo", summary: "Make the last undone change again", examples: ["redo"])) { session, _ in
        session.emit(.note("redid: \(try session.redo())"))
    }

    static let load = ShellCommand(CommandSpec(
        "load", summary: "Load a plugin into the workbook (and the plugins it needs)",
        arguments: [ArgumentSpec("PLUGIN", completion: .pluginNames)],
        examples: ["load marketing"], changesWorkbook: true
    )) { session, invocation in
        let name = try session.findPlugin(invocation.arguments[0], command: "load")
        guard !session.workbook.plugins.contains(name) else {
            session.emit(.note("\(name) is already loaded"))
            return
        }
        let loaded = session.workbook.plugins
        let added = session.registry.withDependencies(loaded + [name]).filter { !loaded.contains($0) }
        try session.edit("load \(name)") { $0.plugins += added }
        let also = added.filter { $0 != name }
        session.emit(.note("loaded \(name)" + (also.isEmpty ? "" : " and \(also.joined(separator: ", ")), which it needs")))
    }

    static let unload = ShellCommand(CommandSpec(
        "unload", summary: "Unload a plugin; its sections leave the workbook (undo brings them back)",
        arguments: [ArgumentSpec("PLUGIN", completion: .pluginNames)],
        examples: ["unload leads"], changesWorkbook: true
    )) { session, invocation in
        let name = invocation.arguments[0]
        guard let plugin = session.registry.plugin(named: name), session.workbook.plugins.contains(name) else {
            throw CommandError.usage("unload: '\(name)' is not loaded",
                                     fix: "loaded now: \(session.workbook.plugins.joined(separator: ", "))")
        }
        let dependents = session.registry.dependents(of: name, among: session.workbook.plugins)
        guard dependents.isEmpty else {
            throw CommandError.failed("\(dependents.joined(separator: ", ")) needs \(name)", fix: "unload \(dependents[0]) first")
        }
        let keys = plugin.sections.map { $0.key }
        let dropped = session.workbook.items.filter { item in plugin.itemKinds.contains(item.kind) }.count
        try session.edit("unload \(name)") { workbook in
            workbook.plugins.removeAll { $0 == name }
            for key in keys { workbook.sections[key] = nil }
        }
        session.emit(.note("unloaded \(name)" + (dropped > 0 ? "; its \(dropped) items left the workbook ('undo' restores them)" : "")))
    }

    static let pluginAdd = ShellCommand(CommandSpec(
        "plugin add", summary: "Add a plugin of your own, by its path (docs/plugins.md); the workbook lists it under plugins:",
        arguments: [ArgumentSpec("PATH", completion: .files)],
        examples: ["plugin add examples/plugins/meddicc.py"], changesWorkbook: true
    )) { session, invocation in
        let name = try session.findPlugin(invocation.arguments[0], command: "plugin add")
        guard !session.workbook.plugins.contains(name) else {
            session.emit(.note("\(name) is already loaded"))
            return
        }
        try session.edit("plugin add \(name)") { $0.plugins.append(name) }
        let summary = session.registry.plugin(named: name)?.summary ?? ""
        session.emit(.note("added \(name): \(summary)"))
    }

    static let pluginRemove = ShellCommand(CommandSpec(
        "plugin remove", summary: "Take a plugin of your own out of the workbook (undo brings it back)",
        arguments: [ArgumentSpec("NAME", completion: .pluginNames)],
        examples: ["plugin remove ./plugins/meddicc.py"], changesWorkbook: true
    )) { session, invocation in
        let name = invocation.arguments[0]
        guard session.workbook.plugins.contains(name), WorkbookLoader.isExternal(name) else {
            throw CommandError.usage("plugin remove: '\(Sanitized.excerpt(name))' is not a plugin of this workbook's own",
                                     fix: "its own plugins: \(session.workbook.plugins.filter(WorkbookLoader.isExternal).joined(separator: ", "))")
        }
        try session.edit("plugin remove \(name)") { $0.plugins.removeAll { $0 == name } }
        session.emit(.note("removed \(name)"))
    }
}
