import LockstepCore
import Mustache

// The templates read each value by name. Answering by a switch instead of Mustache's default
// reflection (Mirror) makes the page ten times faster to render on a 20,000-activity inventory,
// and a name the templates use that no view has is caught by the HTML tests.

extension ReportView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "subject": return subject
        case "name": return self.name
        case "date": return date
        case "stylesheet": return stylesheet
        case "overview": return overview
        case "keyPoints": return keyPoints
        case "hasKeyPoints": return hasKeyPoints
        case "acceptedNote": return acceptedNote
        case "body": return body
        case "actions": return actions
        case "noActions": return noActions
        case "appendix": return appendix
        case "technical": return technical
        case "liveScript": return liveScript
        default: return nil
        }
    }
}

extension ReportView.KeyPoint: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "sentence": return sentence
        case "urgency": return urgency
        case "level": return level
        default: return nil
        }
    }
}

extension ReportView.Action: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return number
        case "anchor": return anchor
        case "action": return action
        case "problem": return problem
        case "figures": return figures
        case "stake": return stake
        case "urgency": return urgency
        case "level": return level
        default: return nil
        }
    }
}

extension ReportView.TechnicalView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "source": return source
        case "toolVersion": return toolVersion
        case "sections": return sections
        default: return nil
        }
    }
}

extension SectionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "title": return title
        case "blocks": return blocks
        default: return nil
        }
    }
}

extension BlockView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "paragraph": return paragraph
        case "heading": return heading
        case "table": return table
        case "heatMap": return heatMap
        case "stageMap": return stageMap
        case "chart": return chart
        case "facts": return facts
        case "bullets": return bullets
        default: return nil
        }
    }
}

extension TableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "headers": return headers
        case "rendered": return rendered
        default: return nil
        }
    }
}

extension TableView.Rendered: MustacheParent {
    func child(named name: String) -> Any? { name == "html" ? html : nil }
}

extension TableView.RowsView: MustacheParent {
    func child(named name: String) -> Any? { name == "rows" ? rows : nil }
}

extension TableView.Header: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "numeric": return numeric
        default: return nil
        }
    }
}

extension TableView.Row: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension TableView.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "style": return style
        default: return nil
        }
    }
}

extension HeatMapView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "rowTitle": return rowTitle
        case "unit": return unit
        case "columns": return columns
        case "rows": return rows
        case "span": return span
        case "zeroIsGap": return zeroIsGap
        default: return nil
        }
    }
}

extension HeatMapView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "group": return group
        case "label": return label
        case "cells": return cells
        default: return nil
        }
    }
}

extension HeatMapView.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "level": return level
        default: return nil
        }
    }
}

extension StageMapView: MustacheParent {
    func child(named name: String) -> Any? { name == "lanes" ? lanes : nil }
}

extension StageMapView.Lane: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "kind": return kind
        case "enteredFrom": return enteredFrom
        case "stages": return stages
        default: return nil
        }
    }
}

extension StageMapView.Stage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "phase": return phase
        case "probability": return probability
        case "owner": return owner
        default: return nil
        }
    }
}

extension BarsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "bars": return bars
        case "height": return height
        case "width": return width
        case "barX": return barX
        case "labelX": return labelX
        default: return nil
        }
    }
}

extension BarsView.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "shown": return shown
        case "y": return y
        case "textY": return textY
        case "width": return width
        case "valueX": return valueX
        default: return nil
        }
    }
}

extension FactsView: MustacheParent {
    func child(named name: String) -> Any? { name == "items" ? items : nil }
}

extension BulletsView: MustacheParent {
    func child(named name: String) -> Any? { name == "items" ? items : nil }
}

extension Fact: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "term": return term
        case "detail": return detail
        default: return nil
        }
    }
}
