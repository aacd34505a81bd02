#if canImport(Glibc)
import Glibc
#endif

/// Loads chosen columns of a CSV export as typed, dictionary-encoded frame columns.
///
/// Large files are split into one byte range per worker. A range after the first starts after
/// a line break, which is a record boundary unless it falls inside a quoted field; each range
/// is checked against where the previous one really ended, and the file is read again by one
/// worker if any guess was wrong, so the result never depends on the split.
public enum ColumnLoader {
    /// The longest header row read: a CRM's header is a few KB; one of megabytes is not a header.
    public static let headerLimit = 4 << 20

    /// The header row of the file, and the byte offset and line where the data starts.
    public static func header(path: String) throws(ColumnLoadFailure) -> (names: [String], dataOffset: Int, lines: Int)
    {
        let fd = try open(path)
        defer { close(fd) }
        var prefix: [UInt8] = []
        // Each read is as long as all before it, so parsing the prefix again after each read
        // costs at most twice the header, not its square.
        var block = [UInt8](repeating: 0, count: 1 << 16)
        let tooLong = ColumnLoadFailure(
            path: path, reason: "the header row is longer than \(headerLimit >> 20) MB: this is not a CSV export")
        while true {
            if prefix.count > headerLimit { throw tooLong }
            if prefix.count > block.count { block = [UInt8](repeating: 0, count: prefix.count) }
            let count = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(prefix.count)) }
            if count < 0 { throw ColumnLoadFailure(path: path, reason: String(cString: strerror(errno))) }
            prefix.append(contentsOf: block[..<count])
            var reader = CSVReader(bytes: prefix)
            let first = reader.next()
            // The header is whole once a line end follows it, or the file ends.
            if count == 0 || reader.offset < prefix.count
                || (reader.offset > 0 && [0x0A, 0x0D].contains(prefix[reader.offset - 1]))
            {
                guard case .success(let record)? = first, !(record.fields.count == 1 && record.fields[0].isEmpty) else {
                    if case .failure(let bad)? = first {
                        throw ColumnLoadFailure(
                            path: path, reason: "line 1: the header row is not valid CSV: \(bad.problem)")
                    }
                    throw ColumnLoadFailure(
                        path: path,
                        reason: "the file is empty: a CSV export starts with a header row naming its columns")
                }
                if reader.offset > headerLimit { throw tooLong }
                try requireDistinct(record.fields, path: path)
                return (record.fields, reader.offset, reader.line - 1)
            }
        }
    }

    /// Two columns with one name would make a field's column a guess: refused, naming both.
    private static func requireDistinct(_ names: [String], path: String) throws(ColumnLoadFailure) {
        var first: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let earlier = first[name] {
                throw ColumnLoadFailure(
                    path: path,
                    reason: "columns \(earlier + 1) and \(index + 1) of the header are both named "
                        + "'\(Sanitized.excerpt(name, limit: 40))': rename one in the export")
            }
            first[name] = index
        }
    }

    /// Loads `requests` from the data rows of `path`.
    public static func load(
        path: String, requests asked: [ColumnRequest], options: ColumnLoadOptions
    ) throws(ColumnLoadFailure) -> LoadedColumns {
        let (header, dataOffset, headerLines) = try header(path: path)
        let requests = try distinct(asked, header: header, path: path)
        let (results, size, badRows) = try scan(
            path: path, header: header, requests: requests, dataOffset: dataOffset, headerLines: headerLines,
            options: options, batchRows: .max, consumer: nil, restart: {})
        var columns = Self.columns(of: results, requests: requests)
        for request in asked where columns[request.field] == nil {
            let loaded = requests.first { $0.column == request.column && $0.type == request.type }!
            columns[request.field] = columns[loaded.field]
        }
        let rows = results.reduce(0) { $0 + $1.rows }
        return LoadedColumns(
            frame: Frame(count: rows, columns: columns), header: header, badRows: badRows,
            badRowCount: results.reduce(0) { $0 + $1.badRowCount }, byteCount: size)
    }

    /// Reads the data rows of `path` in batches of `batchRows`, handing each batch's columns to
    /// `partial` on the worker that read it and keeping only what it returns: peak memory is
    /// one batch per worker, whatever the file's size. The partials come in file order.
    public static func stream<Partial: Sendable>(
        path: String, requests asked: [ColumnRequest], options: ColumnLoadOptions, batchRows: Int = 1 << 16,
        partial: @escaping @Sendable (Frame) -> Partial
    ) throws(ColumnLoadFailure) -> StreamedColumns<Partial> {
        let (header, dataOffset, headerLines) = try header(path: path)
        let requests = try distinct(asked, header: header, path: path)
        let partials = LockedList<(offset: Int, partial: Partial)>()
        let consumer: @Sendable (Int, Frame) -> Void = { start, frame in
            var columns = frame.columns
            for request in asked where columns[request.field] == nil {
                let loaded = requests.first { $0.column == request.column && $0.type == request.type }!
                columns[request.field] = columns[loaded.field]
            }
            partials.append((start, partial(Frame(count: frame.count, columns: columns))))
        }
        let (results, size, badRows) = try scan(
            path: path, header: header, requests: requests, dataOffset: dataOffset, headerLines: headerLines,
            options: options, batchRows: batchRows, consumer: consumer, restart: { _ = partials.drain() })
        // Each worker's batches came in order; the workers' ranges are ordered by their start.
        let ordered = partials.drain().enumerated().sorted {
            ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset)
        }
        return StreamedColumns(
            partials: ordered.map(\.element.partial), header: header, badRows: badRows,
            badRowCount: results.reduce(0) { $0 + $1.badRowCount },
            rowCount: results.reduce(0) { $0 + $1.streamedRows },
            byteCount: size)
    }

    /// `asked` with a column asked for twice as the same type (a field that is also the stage
    /// column) read once.
    private static func distinct(
        _ asked: [ColumnRequest], header: [String], path: String
    ) throws(ColumnLoadFailure) -> [ColumnRequest] {
        var requests: [ColumnRequest] = []
        for request in asked where !requests.contains(where: { $0.column == request.column && $0.type == request.type })
        {
            requests.append(request)
        }
        if let crowded = requests.first(where: { request in requests.filter { $0.column == request.column }.count > 2 })
        {
            let fields = asked.filter { $0.column == crowded.column }.map(\.field).joined(separator: ", ")
            throw ColumnLoadFailure(
                path: path,
                reason:
                    "column '\(header[crowded.column])' is read as three types (fields \(fields)); map at most two types onto one column"
            )
        }
        return requests
    }

    /// Scans the file in parallel ranges, handing batches to `consumer` with the start of the
    /// range they came from when streaming. When a guessed split was wrong, `restart` is told
    /// (what was handed on so far counts for nothing) and the file is read again in one range.
    private static func scan(
        path: String, header: [String], requests: [ColumnRequest], dataOffset: Int, headerLines: Int,
        options: ColumnLoadOptions, batchRows: Int, consumer: (@Sendable (Int, Frame) -> Void)?,
        restart: () -> Void
    ) throws(ColumnLoadFailure) -> (results: [ChunkScanner.Result], size: Int, badRows: [BadRow]) {
        let fd = try open(path)
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let size = Int(info.st_size)
        let tally = options.progress.map { ProgressTally(total: size, report: $0) }
        let scanner = ChunkScanner(fd: fd, header: header, requests: requests, options: options, progress: tally)
        let starts = splitPoints(
            fd: fd, from: dataOffset, to: size,
            parts: max(1, min(options.threads, (size - dataOffset) / max(1, options.minimumBytesPerWorker))))
        var results: [ChunkScanner.Result]
        do {
            results = try scanInParallel(scanner, starts: starts, end: size, batchRows: batchRows, batch: consumer)
            let consistent = zip(results, starts.dropFirst()).allSatisfy { $0.endOffset == $1 }
            if !consistent {
                // A split fell inside a quoted field that holds a line break: read the file in one go.
                restart()
                let batch: ((Frame) -> Void)? = consumer.map { consumer in { consumer(dataOffset, $0) } }
                results = [
                    try scanner.scan(from: dataOffset, to: size, firstLine: 0, batchRows: batchRows, batch: batch)
                ]
            }
        } catch {
            throw ColumnLoadFailure(path: path, reason: error.reason)
        }
        var badRows: [BadRow] = []
        var linesBefore = headerLines + 1
        for result in results {
            for var bad in result.badRows where badRows.count < BadRow.keptLimit {
                bad.line += linesBefore
                badRows.append(bad)
            }
            linesBefore += result.lines
        }
        return (results, size, badRows)
    }

    /// The workers' buffers as frame columns, by field.
    static func columns(of results: [ChunkScanner.Result], requests: [ColumnRequest]) -> [String: Frame.Column] {
        var columns: [String: Frame.Column] = [:]
        for (slot, request) in requests.enumerated() {
            columns[request.field] = ColumnBuffer.merge(results.map { $0.columns.slots[slot] })
        }
        return columns
    }

    /// Opens a CSV export: a regular file (a FIFO or device is refused before it can block or
    /// stream without end), and not a file of another kind sent by mistake, named as such.
    private static func open(_ path: String) throws(ColumnLoadFailure) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw ColumnLoadFailure(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, let kind = FileSystem.notAFile(info.st_mode) {
            close(fd)
            throw ColumnLoadFailure(path: path, reason: "it is \(kind), not a CSV file")
        }
        var magic = [UInt8](repeating: 0, count: 4096)
        let count = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        if let kind = FileKind.notCSV(Array(magic.prefix(max(0, count))), wholeFile: count < magic.count) {
            close(fd)
            throw ColumnLoadFailure(path: path, reason: kind)
        }
        return fd
    }

    /// Where each worker starts: the first, then just after the first line break past each
    /// equal share of the file.
    private static func splitPoints(fd: Int32, from start: Int, to end: Int, parts: Int) -> [Int] {
        guard parts > 1 else { return [start] }
        var points = [start]
        var probe = [UInt8](repeating: 0, count: 1 << 16)
        for part in 1..<parts {
            let nominal = start + (end - start) / parts * part
            let count = probe.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(nominal)) }
            guard count > 0, let newline = probe[..<count].firstIndex(of: 0x0A) else { continue }
            let point = nominal + newline + 1
            if point > points.last!, point < end { points.append(point) }
        }
        return points
    }

    private static func scanInParallel(
        _ scanner: ChunkScanner, starts: [Int], end: Int, batchRows: Int, batch: (@Sendable (Int, Frame) -> Void)?
    ) throws(ColumnLoadFailure) -> [ChunkScanner.Result] {
        @Sendable func handOn(from start: Int) -> ((Frame) -> Void)? {
            guard let batch else { return nil }
            return { batch(start, $0) }
        }
        if starts.count == 1 {
            return [
                try scanner.scan(
                    from: starts[0], to: end, firstLine: 0, batchRows: batchRows, batch: handOn(from: starts[0]))
            ]
        }
        let outcomes = ParallelParts.each(starts.count) { part in
            let stop = part + 1 < starts.count ? starts[part + 1] : end
            return Result { () throws(ColumnLoadFailure) in
                try scanner.scan(
                    from: starts[part], to: stop, firstLine: 0, batchRows: batchRows, batch: handOn(from: starts[part]))
            }
        }
        return try outcomes.map { outcome throws(ColumnLoadFailure) in try outcome.get() }
    }
}
