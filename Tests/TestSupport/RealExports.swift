import Foundation

/// Workbooks over the real CRM exports of ../shared/data, for the tests that measure them with
/// the evaluator and in each database. `source` is the `leads.data` line(s) naming where the
/// rows are: `file: PATH`, or `url: URL` and `table: NAME`.
public enum RealExports {
    /// X Education's lead scoring export: "Select" written for an unanswered question.
    public static func xEducation(source: String) -> String {
        """
        lockstep: 1
        plugins: [leads]
        leads:
          fields: { total_visits: number, occupation: string, converted: bool, lead_profile: string }
          stages:
            - { id: inquiry, owner: marketing }
            - { id: mql, owner: marketing, criteria: total_visits >= 5 and occupation = "Working Professional" }
            - { id: converted, owner: sales, criteria: mql and converted }
          data:
            \(source)
            columns: { occupation: What is your current occupation }
            empty_values: [Select]

        """
    }

    /// Maven's sales pipeline: deal stages, engage and close dates, sales agents.
    public static func maven(source: String) -> String {
        """
        lockstep: 1
        plugins: [leads]
        leads:
          fields: { deal_stage: string, engage_date: date, close_date: date, close_value: number }
          stages:
            - { id: prospecting, owner: sales }
            - id: engaging
              owner: sales
              criteria: engage_date is not empty
              handoff: { to: sales, first_touch_within: 90d }
            - { id: won, owner: sales, criteria: engaging and deal_stage = "Won" }
          data:
            \(source)
            stage_column: deal_stage
            stage_values: { prospecting: Prospecting, engaging: Engaging, won: Won }
            entered: { engaging: engage_date }
            first_touch: close_date
            owner: sales_agent

        """
    }

    /// The columns of each export as a warehouse load types them, by header name.
    public static let xEducationTypes = [
        "TotalVisits": "number", "What is your current occupation": "string", "Converted": "bool",
        "Lead Profile": "string",
    ]
    public static let mavenTypes = [
        "deal_stage": "string", "engage_date": "date", "close_date": "date", "close_value": "number",
        "sales_agent": "string",
    ]
}
