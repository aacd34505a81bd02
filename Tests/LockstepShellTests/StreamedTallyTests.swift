import Foundation
import LockstepCore
import TestSupport
import Testing

@testable import LockstepLeads

/// The counts behind `funnel`, `sla`, `ignored` and the data rules are the same whether the
/// export's columns are kept whole or it is streamed in batches over several workers: every
/// batch adds up, whatever the split.
@Suite("Streamed lead counts")
struct StreamedTallyTests {
    /// The lead section and data plan of a workbook file.
    func plan(_ path: String) throws -> (LeadsSection, LeadDataPlan) {
        let workbook = try WorkbookLoader(registry: builtInPlugins).load(path: path)
        let leads = try #require(workbook.section(LeadsSection.self))
        return (leads, try LeadDataPlan(leads: leads, workbookPath: path, allowOutside: true))
    }

    func compare(_ path: String, byField: String? = nil) throws {
        let (leads, plan) = try plan(path)
        let whole = try LeadDataset.load(plan, options: ColumnLoadOptions())
        let kept = LeadTally(try LeadMeasures(leads: leads, dataset: whole, today: TestSupport.today), byField: byField)
        for (threads, batchRows) in [(1, 1 << 17), (1, 3), (4, 7), (2, 100)] {
            var options = ColumnLoadOptions()
            options.threads = threads
            options.minimumBytesPerWorker = 512
            let (streamed, summary) = try LeadDataset.stream(
                plan, leads: leads, today: TestSupport.today, byField: byField, options: options, batchRows: batchRows)
            #expect(streamed == kept, "\(path): \(threads) workers, batches of \(batchRows)")
            #expect(byField == nil || !streamed.byValue.isEmpty, "the split has values to compare")
            #expect(streamed.meets.first == whole.rowCount && streamed.handoffs.contains { $0.handedOff > 0 })
            #expect(summary.rowCount == whole.rowCount && summary.badRows == whole.badRows)
            #expect(summary.joinedRows == whole.joinedRows)
        }
    }

    @Test("the example's export: funnel, CRM stages, hand-offs by owner and a split by country agree")
    func example() throws {
        try compare(exampleWorkbook)
        try compare(exampleWorkbook, byField: "country")
    }

    @Test(
        "Olist's MQLs joined with its closed deals agree, joined rows included",
        .requiresShared("data/olist-funnel/olist_marketing_qualified_leads_dataset.csv"))
    func olist() throws {
        try compare(repositoryRoot.appendingPathComponent("examples/olist/olist.yaml").path)
    }
}
