import LockstepCore

extension Activity {
    /// The ids an activity names under one key (`stages`, `personas` or `needs`): a view into the
    /// one list the activity keeps of all three, indexed from 0 like an array.
    ///
    /// Why one list: three small arrays per activity were three allocations of a header and a
    /// few ids each; a workbook of 200,000 activities held 51 MB of them beside 29 MB of
    /// activities. One list per activity is a third of the allocations and about 100 bytes less.
    public struct IDList: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
        public typealias Indices = Range<Int>
        private let storage: [Located<String>]
        private let range: Range<Int>

        public init(_ ids: [Located<String>]) {
            storage = ids
            range = ids.indices
        }

        init(_ storage: [Located<String>], _ range: Range<Int>) {
            self.storage = storage
            self.range = range
        }

        public init(arrayLiteral ids: Located<String>...) { self.init(ids) }

        public var startIndex: Int { 0 }
        public var endIndex: Int { range.count }
        public subscript(position: Int) -> Located<String> { storage[range.lowerBound + position] }

        public static func == (a: IDList, b: IDList) -> Bool { a.elementsEqual(b) }
    }

    /// The stages of sales processes it supports.
    public var stages: IDList {
        get { IDList(linked, 0..<Int(stagesEnd)) }
        set { link(stages: newValue, personas: personas, needs: needs) }
    }

    /// The personas it speaks to.
    public var personas: IDList {
        get { IDList(linked, Int(stagesEnd)..<Int(personasEnd)) }
        set { link(stages: stages, personas: newValue, needs: needs) }
    }

    /// The customer needs it answers.
    public var needs: IDList {
        get { IDList(linked, Int(personasEnd)..<linked.count) }
        set { link(stages: stages, personas: personas, needs: newValue) }
    }
}
