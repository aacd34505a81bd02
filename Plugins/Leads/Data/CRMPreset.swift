import LockstepCore

/// What a CRM's export is known to call things (CRM-EXPORTS.md): the columns behind the usual
/// lead fields, the column recording the lifecycle stage and its values, the date format.
struct CRMPreset {
    let name: String
    /// A conventional field name → the columns that hold it, export labels before API names.
    let columns: [String: [String]]
    let stageColumns: [String]
    /// A lead stage id → the value the CRM records for it.
    let stageValues: [String: String]
    let ownerColumns: [String]
    let dateFormat: DateFormat

    static func named(_ name: String?) -> CRMPreset? {
        switch name {
        case "hubspot": return hubspot
        case "salesforce": return salesforce
        default: return nil
        }
    }

    /// A HubSpot contacts export ("all properties"); stage values are the internal names, which
    /// also match the labels once case and spaces are ignored.
    static let hubspot = CRMPreset(
        name: "hubspot",
        columns: [
            "score": ["HubSpot Score"], "lifecycle_stage": ["Lifecycle Stage"], "lead_status": ["Lead Status"],
            "created_at": ["Create Date"], "email": ["Email"], "first_name": ["First Name"], "last_name": ["Last Name"],
            "phone": ["Phone Number"], "company": ["Associated Company"], "last_activity_at": ["Last Activity Date"],
            "owner_assigned_at": ["Owner Assigned Date"], "buying_role": ["Buying Role"], "persona": ["Persona"],
            "source": ["Original Source"], "latest_source": ["Latest Source"],
            "lead_at": ["Became a Lead Date"],
            "mql_at": ["Became a Marketing Qualified Lead Date", "Date entered \"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"",
                       "Date entered 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'"],
            "sql_at": ["Became a Sales Qualified Lead Date", "Date entered \"Sales Qualified Lead (Lifecycle Stage Pipeline)\"",
                       "Date entered 'Sales Qualified Lead (Lifecycle Stage Pipeline)'"],
            "opportunity_at": ["Became an Opportunity Date"], "customer_at": ["Became a Customer Date"],
        ],
        stageColumns: ["Lifecycle Stage"],
        stageValues: [
            "subscriber": "subscriber", "lead": "lead", "inquiry": "lead", "mql": "marketingqualifiedlead",
            "sql": "salesqualifiedlead", "opportunity": "opportunity", "customer": "customer", "evangelist": "evangelist",
        ],
        ownerColumns: ["Contact owner"],
        dateFormat: .iso
    )

    /// A Salesforce leads export: report exports use labels, data exports API names. Report
    /// exports write dates in the user's locale; MM/DD/YYYY (US) is assumed, ISO is always read.
    static let salesforce = CRMPreset(
        name: "salesforce",
        columns: [
            "title": ["Title"], "company": ["Company"], "email": ["Email"], "first_name": ["First Name", "FirstName"],
            "last_name": ["Last Name", "LastName"], "lead_source": ["Lead Source", "LeadSource"], "source": ["Lead Source", "LeadSource"],
            "lead_status": ["Lead Status", "Status"], "status": ["Lead Status", "Status"], "rating": ["Rating"],
            "converted": ["Converted", "IsConverted"], "converted_at": ["Converted Date", "ConvertedDate"],
            "created_at": ["Created Date", "CreatedDate"], "last_activity_at": ["Last Activity", "LastActivityDate"],
        ],
        stageColumns: ["Lead Status", "Status"],
        stageValues: [:],
        ownerColumns: ["Lead Owner", "OwnerId"],
        dateFormat: DateFormat("MM/DD/YYYY")!
    )
}
