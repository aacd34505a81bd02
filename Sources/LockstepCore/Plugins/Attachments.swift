/// What plugins load beside the workbook for one session (a CRM export), kept between commands
/// and handed to checks. Keys are namespaced by the plugin (`leads.data`).
public typealias Attachments = LockedValues
